#include "seed/DemoChat.h"

#include "Backend.h"
#include "model/Ids.h"
#include "protocol/ChatMessages.h"
#include "protocol/Protocol.h"
#include "seed/DemoData.h"

#include <QHash>

namespace plein::server {

namespace {
struct Line
{
    const char *author;
    const char *text;     // UTF-8; "^N" at the start: a reply to line N of the same room
    const char *react;    // an emoji someone else adds, or nullptr
};

struct RoomSpec
{
    const char *key;
    const char *name;     // empty: a direct room
    QList<const char *> members;   // the first is the owner
    QList<Line> lines;
    int readByAnna;       // lines anna has read (-1: all)
};

const auto userId = demo::user;

QString op(const QString &what)
{
    return ids::derived(QStringLiteral("demo:chat:op:") + what);
}

constexpr qint64 MinuteMs = 60 * 1000;

// How long ago each room's last line was written, in minutes: a working day's spread.
int lastLineMinutesAgo(const QByteArray &key)
{
    static const QHash<QByteArray, int> ago = {{"it", 7},           {"finance", 26},          {"lunch", 95},
                                               {"anna-priya", 50},  {"anna-pieter", 27 * 60}, {"anna-sanne", 4 * 24 * 60}};
    return ago.value(key, 3 * 60);
}

// Minutes between line i and the one before: a few minutes, sometimes a longer pause.
int gapMinutes(qsizetype i)
{
    return i % 5 == 4 ? 38 : int(2 + (i * 7) % 9);
}

// The demo runs its writes on a stopped clock, set per line; the real clock again after.
struct ClockGuard
{
    ChatFeature &chat;
    ~ClockGuard() { chat.setClock(0); }
};
} // namespace

Result<int> DemoChat::run()
{
    const QList<RoomSpec> rooms = {
        {"finance", "Finance team", {"pieter", "anna", "femke", "oliver", "noor", "samuel"},
         {
             {"pieter", "Goedemorgen! Reminder: de maandafsluiting moet vrijdag **vóór 12:00** rond zijn.", "👍"},
             {"femke", "Ik heb de accruals voor IT nog niet binnen. @anna weet jij of Daan ze al heeft?", nullptr},
             {"anna", "^2Ik vraag het hem vandaag, verwacht ze uiterlijk donderdag.", "🙏"},
             {"oliver", "Invoice run for the Rotterdam suppliers is done: 148 invoices, €312,400 in total.", "🎉"},
             {"samuel", "Cash forecast for Q1 is in the shared folder. Short version: we're fine until March.", nullptr},
             {"noor", "Salarisstroken staan klaar, ze gaan morgenochtend om 9:00 uit.", "👍"},
             {"pieter", "^4Thanks Oliver. Can you also check the two duplicates from last week?", nullptr},
             {"oliver", "^7Found them, both credited. Sorry for the noise.", nullptr},
             {"femke", "Quick one for the query wizards: which cost centres are over budget?\n\n```sql\nSELECT cost_centre,\n       SUM(actual) - SUM(budget) AS over\nFROM ledger\nWHERE period = '2026-11'\nGROUP BY cost_centre\nHAVING SUM(actual) > SUM(budget)\nORDER BY over DESC;\n```", "🔥"},
             {"anna", "^9Works, but join `cost_centres` so the names show up, not just the codes.", nullptr},
             {"pieter", "@anna kun jij vrijdag de review van de balans doen? Ik zit dan bij de accountant.", nullptr},
         },
         8},
        {"it", "IT & development", {"daan", "priya", "thijs", "harry", "jesse", "anna"},
         {
             {"daan", "Heads-up: the VPN gateway gets its certificate renewed tonight at 22:00.", "👍"},
             {"priya", "The export job for Finance kept timing out. Fixed with a batched query:\n\n```cpp\nfor (qsizetype i = 0; i < ids.size(); i += 500) {\n    const auto batch = ids.mid(i, 500);\n    if (!exportRows(batch))\n        return false;   // the caller retries the whole run\n}\n```", "🚀"},
             {"thijs", "^2Nice. Did you also bump the timeout in the scheduler?", nullptr},
             {"priya", "^3No need, each batch finishes in ~200 ms now.", "👌"},
             {"harry", "Reminder: phishing test next week. Don't click links in mails about 'parcel delivery' 😉", "😂"},
             {"jesse", "Service desk is quiet today, 4 tickets open. Anyone fancy lunch at 12:30?", nullptr},
             {"thijs", "Disk on the file server was at 91%. Cleaned the temp shares:\n\n```bash\nfind /srv/share/tmp -type f -mtime +30 -print -delete\ndf -h /srv/share\n```", nullptr},
             {"daan", "@priya can you show the new deployment pipeline in Thursday's stand-up?", nullptr},
             {"priya", "^8Sure! Here's the gist of the config:\n\n```yaml\nstages:\n  - build\n  - test\n  - deploy\ndeploy:\n  only: [main]\n  script: ./scripts/deploy.sh --env production\n```", "👏"},
             {"anna", "Question from Finance: can the ledger export also write CSV with a semicolon separator?", nullptr},
             {"priya", "^10Yes, pass `--separator ';'`. I'll add it to the docs.", "🙏"},
         },
         6},
        {"lunch", "Lunch & koffie", {"lotte", "anna", "chloe", "emily", "ruben", "jesse", "femke"},
         {
             {"lotte", "Wie gaat er mee naar de nieuwe lunchzaak op de hoek?", nullptr},
             {"chloe", "Ik! 12:15 bij de lift?", "👍"},
             {"emily", "Count me in, I hear the soup is excellent.", nullptr},
             {"ruben", "De nieuwe koffiemachine op de 3e doet het eindelijk 🎉", "☕"},
         },
         -1},
        {"anna-pieter", "", {"pieter", "anna"},
         {
             {"pieter", "Hoi Anna, heb je even tijd om naar de begroting voor 2027 te kijken?", nullptr},
             {"anna", "Ja, na 14:00 kan ik. Zal ik een uitnodiging sturen?", nullptr},
             {"pieter", "Graag. Neem de cijfers van Sales mee, die wijken af.", "👍"},
             {"pieter", "En dank voor de snelle hulp gisteren met de auditvragen!", nullptr},
         },
         2},
        {"anna-priya", "", {"anna", "priya"},
         {
             {"anna", "Hi Priya, the export from yesterday has a strange total in row 1,204.", nullptr},
             {"priya", "^1Let me check. Probably a rounding issue in the currency conversion.", nullptr},
             {"priya", "Found it: we rounded per line instead of per invoice.\n\n```python\ntotal = round(sum(line.amount for line in invoice.lines), 2)\n```", "🙌"},
             {"anna", "Perfect, thanks! 🙏", nullptr},
         },
         -1},
        {"anna-sanne", "", {"sanne", "anna"},
         {
             {"sanne", "Hoi Anna, je verlofaanvraag voor december is goedgekeurd. Fijne vakantie alvast!", "❤️"},
         },
         0},
    };

    int written = 0;
    Transaction tx(m_backend.db);
    if (!tx.ok())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("the database is busy")};
    auto person = [&](const char *name) {
        auto r = m_backend.users.byId(userId(name));
        return r ? r->person : Person{};
    };
    ClockGuard clockGuard{m_backend.chatFeature};
    const qint64 now = ids::nowMs();
    for (const RoomSpec &spec : rooms) {
        const QString key = QLatin1String(spec.key);
        // Times run forward from the room's start to its last line, some minutes ago.
        qint64 span = 0;
        for (qsizetype i = 1; i < spec.lines.size(); ++i)
            span += gapMinutes(i) * MinuteMs;
        qint64 at = now - lastLineMinutesAgo(spec.key) * MinuteMs - span;
        m_backend.chatFeature.setClock(at - 45 * MinuteMs);
        const QString roomId = ids::derived(QStringLiteral("demo:chat:room:") + key);
        const Person owner = person(spec.members.constFirst());
        if (owner.id.isEmpty())
            continue;
        QStringList members;
        for (qsizetype i = 1; i < spec.members.size(); ++i)
            members.append(userId(spec.members.at(i)));
        const bool direct = QByteArray(spec.name).isEmpty();
        auto created = m_backend.chatFeature.createRoom(
            owner, op(key), protocol::encode(protocol::ChatRoomCreateBody{roomId, QString::fromUtf8(spec.name), direct, members}));
        if (!created)
            return created.error();
        QStringList lineIds;
        qint64 annaReadPos = 0;
        for (qsizetype i = 0; i < spec.lines.size(); ++i) {
            const Line &l = spec.lines.at(i);
            QString text = QString::fromUtf8(l.text);
            QString replyTo;
            if (text.startsWith(QLatin1Char('^'))) {
                qsizetype digits = 1;
                while (digits < text.size() && text.at(digits).isDigit())
                    ++digits;
                const int n = text.mid(1, digits - 1).toInt();
                if (n >= 1 && n <= lineIds.size())
                    replyTo = lineIds.at(n - 1);
                text = text.mid(digits);
            }
            if (i > 0)
                at += gapMinutes(i) * MinuteMs;
            m_backend.chatFeature.setClock(at);
            const QString id = ids::derived(QStringLiteral("demo:chat:msg:%1:%2").arg(key).arg(i));
            auto sent = m_backend.chatFeature.send(person(l.author), op(id),
                                                   protocol::encode(protocol::ChatSendBody{id, roomId, text, replyTo}));
            if (!sent)
                return sent.error();
            lineIds.append(id);
            ++written;
            if (spec.readByAnna < 0 || i < spec.readByAnna) {
                Stmt s(m_backend.db, QStringLiteral("SELECT pos FROM chat_messages WHERE id = ?"));
                s.bind(id);
                if (s.exec() && s.next())
                    annaReadPos = s.value(0).toLongLong();
            }
            if (l.react) {
                // Someone other than the author reacts.
                const char *by = spec.members.at((i + 1) % spec.members.size());
                if (QByteArray(by) == QByteArray(l.author))
                    by = spec.members.at((i + 2) % spec.members.size());
                auto r = m_backend.chatFeature.react(person(by), op(id + QStringLiteral(":r")),
                                                     protocol::encode(protocol::ChatReactBody{id, QString::fromUtf8(l.react), true}));
                if (!r)
                    return r.error();
            }
        }
        if (annaReadPos > 0 && m_backend.scopes.isMember(ChatFeature::scopeOf(roomId), userId("anna"))) {
            auto r = m_backend.chatFeature.markRead(person("anna"), op(key + QStringLiteral(":read")),
                                                    protocol::encode(protocol::ChatReadBody{roomId, annaReadPos}));
            if (!r)
                return r.error();
        }
    }
    // One edit and one deletion, so both show; a little after the lines they change.
    m_backend.chatFeature.setClock(now - 60 * MinuteMs);
    const QString edited = ids::derived(QStringLiteral("demo:chat:msg:lunch:1"));
    auto e = m_backend.chatFeature.edit(person("chloe"), op(QStringLiteral("edit")),
                                        protocol::encode(protocol::ChatEditBody{edited, QStringLiteral("Ik! 12:30 bij de lift?")}));
    if (!e)
        return e.error();
    const QString deleted = ids::derived(QStringLiteral("demo:chat:msg:it:5"));
    auto d = m_backend.chatFeature.remove(person("jesse"), op(QStringLiteral("delete")),
                                          protocol::encode(protocol::ChatDeleteBody{deleted}));
    if (!d)
        return d.error();
    if (!tx.commit())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not commit the demo chat")};
    return written;
}

} // namespace plein::server
