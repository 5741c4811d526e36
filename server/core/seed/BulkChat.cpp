#include "seed/BulkChat.h"

#include "Backend.h"
#include "model/Ids.h"
#include "protocol/ChatMessages.h"
#include "protocol/Protocol.h"

#include <QRandomGenerator>

namespace plein::server {

namespace {
const char *const Texts[] = {
    "Goedemorgen! Wie pakt vandaag de stand-up?",
    "Can someone review my change before lunch?",
    "De cijfers van oktober staan in de gedeelde map.",
    "Thanks, that fixed it.",
    "Zullen we dit morgen even bespreken?",
    "The customer confirmed the order, shipping on Monday.",
    "Ik zit vanmiddag thuis, bel maar als het nodig is.",
    "Quick question about the expense policy: are taxis covered?",
    "Top, dank je!",
    "Meeting moved to 15:00, same room.",
    "Here is the query I used:\n\n```sql\nSELECT department, COUNT(*)\nFROM people\nGROUP BY department;\n```",
    "Fixed the loop:\n\n```cpp\nfor (const auto &row : rows)\n    total += row.amount;\n```",
    "Script for the nightly clean-up:\n\n```bash\nfind /tmp/exports -mtime +7 -delete\n```",
    "Heeft iemand de sleutel van de vergaderruimte gezien?",
    "Release notes are ready for review.",
    "Ik heb de planning voor Q1 bijgewerkt.",
};
} // namespace

Result<BulkChatReport> seedChat(Backend &backend, const QStringList &people, int rooms, int messages, quint32 seed,
                                int batchRows)
{
    BulkChatReport report;
    if (rooms <= 0 || people.size() < 2)
        return report;
    QRandomGenerator rng(seed ^ 0xC4A7u);
    struct Room
    {
        QString id;
        QStringList members;
    };
    QList<Room> made;
    int inBatch = 0;
    bool open = false;
    auto flush = [&](bool force) {
        if (open && (force || inBatch >= batchRows)) {
            if (!backend.db.commit())
                return false;
            open = false;
            inBatch = 0;
        }
        if (!open && !force) {
            if (!backend.db.begin())
                return false;
            open = true;
        }
        return true;
    };
    auto fail = [&](const Error &e) {
        if (open)
            backend.db.rollback();
        return e;
    };
    const int directRooms = qMin(rooms / 5, int(people.size()) / 2);
    for (int r = 0; r < rooms; ++r) {
        if (!flush(false))
            return fail(Error{QLatin1String(protocol::code::Internal), QStringLiteral("cannot write rooms")});
        const bool direct = r < directRooms;
        const int size = direct ? 2 : 3 + int(rng.bounded(28));
        QStringList members;
        while (members.size() < qMin<qsizetype>(size, people.size())) {
            const QString p = people.at(int(rng.bounded(int(people.size()))));
            if (!members.contains(p))
                members.append(p);
        }
        if (direct) {
            // One direct room per pair: pair person r with person r + half.
            members = {people.at(r), people.at(r + int(people.size()) / 2)};
        }
        const QString id = ids::derived(QStringLiteral("bulk:room:%1").arg(r));
        Person owner;
        owner.id = members.constFirst();
        owner.role = QLatin1String(role::Employee);
        auto created = backend.chatFeature.createRoom(
            owner, ids::derived(QStringLiteral("bulk:room-op:%1").arg(r)),
            protocol::encode(protocol::ChatRoomCreateBody{id, direct ? QString() : QStringLiteral("Room %1").arg(r + 1),
                                                          direct, members.mid(1)}));
        if (!created)
            return fail(created.error());
        made.append({id, members});
        inBatch += int(members.size()) * 2 + 1;
        ++report.rooms;
    }
    QList<QStringList> lastIds(made.size());
    for (int n = 0; n < messages; ++n) {
        if (!flush(false))
            return fail(Error{QLatin1String(protocol::code::Internal), QStringLiteral("cannot write messages")});
        // Skewed: low room numbers are busier.
        const double u = rng.generateDouble();
        const int r = qMin(int(made.size()) - 1, int(u * u * double(made.size())));
        const Room &room = made.at(r);
        Person author;
        author.id = room.members.at(int(rng.bounded(int(room.members.size()))));
        author.role = QLatin1String(role::Employee);
        QString replyTo;
        if (!lastIds.at(r).isEmpty() && rng.bounded(8) == 0)
            replyTo = lastIds.at(r).constLast();
        const QString id = ids::derived(QStringLiteral("bulk:msg:%1").arg(n));
        auto sent = backend.chatFeature.send(author, ids::derived(QStringLiteral("bulk:msg-op:%1").arg(n)),
                                             protocol::encode(protocol::ChatSendBody{
                                                 id, room.id, QString::fromUtf8(Texts[rng.bounded(16)]), replyTo}));
        if (!sent)
            return fail(sent.error());
        QStringList &last = lastIds[r];
        last.append(id);
        if (last.size() > 4)
            last.removeFirst();
        ++inBatch;
        ++report.messages;
    }
    if (!flush(true))
        return fail(Error{QLatin1String(protocol::code::Internal), QStringLiteral("cannot commit")});
    return report;
}

} // namespace plein::server
