#include "features/people/DirectoryImport.h"

#include "Backend.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/PeopleMessages.h"
#include "protocol/Protocol.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

namespace plein::server {

namespace {
// An imported person cannot sign in until an admin gives them a password: this is not a
// PHC string, so no password ever verifies against it.
constexpr char NoPassword[] = "!imported";

const QStringList &columns()
{
    static const QStringList c = {QStringLiteral("employee_id"), QStringLiteral("name"),     QStringLiteral("display_name"),
                                  QStringLiteral("email"),       QStringLiteral("title"),    QStringLiteral("department"),
                                  QStringLiteral("location"),    QStringLiteral("manager_id"), QStringLiteral("phone"),
                                  QStringLiteral("start_date")};
    return c;
}

Error wholeFile(const QString &message)
{
    return Error{QLatin1String(protocol::code::BadRequest), message};
}

struct Row
{
    int line = 0;
    QString employeeId, name, displayName, email, title, department, location, managerId, phone, startDate;
};

// Why this row cannot be imported, or empty.
QString check(const Row &r)
{
    using namespace protocol::people;
    if (r.employeeId.isEmpty())
        return QStringLiteral("employee_id is empty");
    if (r.employeeId.size() > limits::MaxIdChars)
        return QStringLiteral("employee_id is longer than %1 characters").arg(limits::MaxIdChars);
    if (!protocol::isValidUserName(r.name))
        return QStringLiteral("name '%1' is not 1 to %2 characters of a-z 0-9 . _ -").arg(r.name).arg(limits::MaxUserNameChars);
    if (r.displayName.isEmpty())
        return QStringLiteral("display_name is empty");
    if (r.displayName.size() > limits::MaxDisplayNameChars || r.title.size() > MaxFieldChars
        || r.department.size() > MaxFieldChars || r.location.size() > MaxFieldChars)
        return QStringLiteral("display_name, title, department and location are limited to %1 characters").arg(MaxFieldChars);
    if (!r.email.isEmpty() && (r.email.size() > MaxEmailChars || !r.email.contains(QLatin1Char('@'))))
        return QStringLiteral("email '%1' is not an e-mail address").arg(r.email);
    if (r.phone.size() > MaxPhoneChars)
        return QStringLiteral("phone is longer than %1 characters").arg(MaxPhoneChars);
    if (!isValidDate(r.startDate))
        return QStringLiteral("start_date '%1' is not a date (yyyy-MM-dd)").arg(r.startDate);
    if (r.managerId == r.employeeId)
        return QStringLiteral("%1 cannot be their own manager").arg(r.employeeId);
    return {};
}
} // namespace

Result<QList<DirectoryImport::Record>> DirectoryImport::parseCsv(const QString &text)
{
    QList<Record> out;
    Record cur;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    cur.line = 1;
    const auto endField = [&] {
        cur.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        out.append(cur);
        cur = Record{};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
            cur.line = line;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        return wholeFile(QStringLiteral("line %1: a quoted field is never closed").arg(cur.line));
    if (!field.isEmpty() || !cur.fields.isEmpty())
        endRecord();
    return out;
}

Result<ImportReport> DirectoryImport::run(const QString &path, bool deactivateMissing)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return wholeFile(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (utf8.hasError())
        return wholeFile(QStringLiteral("%1 is not UTF-8 text").arg(path));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    auto records = parseCsv(text);
    if (!records)
        return records.error();
    QList<Record> &recs = records.value();
    recs.removeIf([](const Record &r) { return r.fields.size() == 1 && r.fields.constFirst().trimmed().isEmpty(); });
    if (recs.isEmpty())
        return wholeFile(QStringLiteral("the file is empty; it needs a header row"));

    // The header names the columns, in any order.
    QHash<QString, int> col;
    const QStringList header = recs.constFirst().fields;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (!columns().contains(name))
            return wholeFile(QStringLiteral("line 1: unknown column '%1' (known: %2)").arg(name, columns().join(QStringLiteral(", "))));
        if (col.contains(name))
            return wholeFile(QStringLiteral("line 1: column '%1' appears twice").arg(name));
        col.insert(name, i);
    }
    for (const char *req : {"employee_id", "name", "display_name"})
        if (!col.contains(QLatin1String(req)))
            return wholeFile(QStringLiteral("line 1: the column '%1' is required").arg(QLatin1String(req)));
    if (recs.size() < 2)
        return wholeFile(QStringLiteral("the file has a header but no people"));

    ImportReport report;
    const auto value = [&](const Record &r, const char *name) {
        const int i = col.value(QLatin1String(name), -1);
        return i < 0 || i >= r.fields.size() ? QString() : r.fields.at(i).trimmed();
    };
    QList<Row> rows;
    QHash<QString, int> lineOfEmployee;
    QHash<QString, int> lineOfName;
    QSet<QString> inFile;   // every employee id the file names, rejected rows too
    const auto reject = [&report](int line, const QString &why) {
        report.rejected.append(QStringLiteral("line %1: %2").arg(line).arg(why));
    };
    for (qsizetype i = 1; i < recs.size(); ++i) {
        const Record &rec = recs.at(i);
        ++report.rows;
        Row r;
        r.line = rec.line;
        r.employeeId = value(rec, "employee_id");
        if (!r.employeeId.isEmpty())
            inFile.insert(r.employeeId);
        if (rec.fields.size() != header.size()) {
            reject(r.line, QStringLiteral("has %1 fields; the header has %2").arg(rec.fields.size()).arg(header.size()));
            continue;
        }
        r.name = value(rec, "name").toLower();
        r.displayName = value(rec, "display_name");
        r.email = value(rec, "email");
        r.title = value(rec, "title");
        r.department = value(rec, "department");
        r.location = value(rec, "location");
        r.managerId = value(rec, "manager_id");
        r.phone = value(rec, "phone");
        r.startDate = value(rec, "start_date");
        QString why = check(r);
        if (why.isEmpty() && lineOfEmployee.contains(r.employeeId))
            why = QStringLiteral("employee_id %1 is already on line %2").arg(r.employeeId).arg(lineOfEmployee.value(r.employeeId));
        if (why.isEmpty() && lineOfName.contains(r.name))
            why = QStringLiteral("name %1 is already on line %2").arg(r.name).arg(lineOfName.value(r.name));
        if (why.isEmpty()) {
            const auto byName = m_backend.users.byName(r.name);
            const QString owner = byName ? m_backend.people.employeeIdOf(byName->person.id) : QString();
            if (byName && !owner.isEmpty() && owner != r.employeeId)
                why = QStringLiteral("name %1 belongs to employee %2").arg(r.name, owner);
        }
        if (!why.isEmpty()) {
            reject(r.line, why);
            continue;
        }
        lineOfEmployee.insert(r.employeeId, r.line);
        lineOfName.insert(r.name, r.line);
        rows.append(r);
    }

    // Managers must be in the file or already in the directory; rejecting one row can
    // orphan another, so repeat until nothing changes.
    for (bool again = true; again;) {
        again = false;
        QSet<QString> accepted;
        for (const Row &r : std::as_const(rows))
            accepted.insert(r.employeeId);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Row &r = rows.at(i);
            if (r.managerId.isEmpty() || accepted.contains(r.managerId)
                || !m_backend.people.userByEmployeeId(r.managerId).isEmpty())
                continue;
            reject(r.line, QStringLiteral("manager_id %1 is not in the file or the directory").arg(r.managerId));
            rows.removeAt(i);
            again = true;
            break;
        }
    }
    std::sort(report.rejected.begin(), report.rejected.end(), [](const QString &a, const QString &b) {
        return a.section(QLatin1Char(':'), 0, 0).mid(5).toInt() < b.section(QLatin1Char(':'), 0, 0).mid(5).toInt();
    });

    // A loop in the managers makes no org chart: the whole file is refused.
    {
        QHash<QString, QString> managerOf;   // employee id -> manager's employee id
        for (const auto &[eid, uid] : m_backend.people.activeEmployees()) {
            const QString m = m_backend.people.managerOf(uid);
            managerOf.insert(eid, m.isEmpty() ? QString() : m_backend.people.employeeIdOf(m));
        }
        for (const Row &r : std::as_const(rows))
            managerOf.insert(r.employeeId, r.managerId);
        for (const Row &r : std::as_const(rows)) {
            QString m = r.managerId;
            for (qsizetype steps = 0; !m.isEmpty(); ++steps) {
                if (m == r.employeeId || steps > managerOf.size())
                    return wholeFile(QStringLiteral("line %1: the managers of %2 lead back to them")
                                         .arg(r.line)
                                         .arg(r.employeeId));
                m = managerOf.value(m);
            }
        }
    }

    Transaction tx(m_backend.db);
    if (!tx.ok())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("the database is busy")};
    const qint64 now = ids::nowMs();
    const auto internal = [](const QString &what) {
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("%1; nothing was imported").arg(what)};
    };
    struct Pending
    {
        QString userId;
        bool created = false;
        bool userChanged = false;
        bool profileChanged = false;
    };
    QList<Pending> pending;
    QHash<QString, QString> userOfEmployee;
    for (const Row &r : std::as_const(rows)) {
        Pending p;
        p.userId = m_backend.people.userByEmployeeId(r.employeeId);
        if (p.userId.isEmpty()) {
            // Someone made by hand with this name is the same person: adopt them.
            if (const auto byName = m_backend.users.byName(r.name)) {
                p.userId = byName->person.id;
            } else {
                NewUser u;
                u.id = ids::create();
                u.name = r.name;
                u.displayName = r.displayName;
                u.title = r.title;
                u.department = r.department;
                u.passwordHash = QLatin1String(NoPassword);
                u.created = now;
                auto person = m_backend.accounts.insertUser(u);
                if (!person)
                    return internal(QStringLiteral("line %1: %2").arg(r.line).arg(person.error().message));
                p.userId = person->id;
                p.created = true;
            }
            if (!m_backend.people.setEmployeeId(p.userId, r.employeeId))
                return internal(QStringLiteral("line %1: cannot store the employee id").arg(r.line));
        }
        const auto user = m_backend.users.byId(p.userId);
        if (!user)
            return internal(QStringLiteral("line %1: the user vanished").arg(r.line));
        const Person &u = user->person;
        if (u.name != r.name || u.displayName != r.displayName || u.title != r.title || u.department != r.department) {
            if (!m_backend.people.setUserFields(p.userId, r.name, r.displayName, r.title, r.department))
                return internal(QStringLiteral("line %1: cannot update the user (is the name taken?)").arg(r.line));
            p.userChanged = !p.created;
        }
        if (!user->active) {
            if (!m_backend.people.setActive(p.userId, true))
                return internal(QStringLiteral("line %1: cannot reactivate").arg(r.line));
            p.profileChanged = true;
        }
        userOfEmployee.insert(r.employeeId, p.userId);
        pending.append(p);
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        Pending &p = pending[i];
        protocol::Profile prof = m_backend.people.profile(p.userId).value();
        const QString manager = r.managerId.isEmpty()
                                    ? QString()
                                    : userOfEmployee.value(r.managerId, m_backend.people.userByEmployeeId(r.managerId));
        const protocol::Profile before = prof;
        prof.email = r.email;
        prof.location = r.location;
        prof.phone = r.phone;
        prof.startDate = r.startDate;
        prof.manager = manager;
        if (!(prof == before)) {
            if (!m_backend.people.saveProfile(prof, now))
                return internal(QStringLiteral("line %1: cannot store the profile").arg(r.line));
            p.profileChanged = true;
        }
        if (p.created || p.userChanged || p.profileChanged) {
            if (m_backend.peopleFeature.logPerson(p.userId, p.userChanged, true, {}, now) == 0)
                return internal(QStringLiteral("line %1: cannot log the change").arg(r.line));
        }
        if (p.created)
            ++report.created;
        else if (p.userChanged || p.profileChanged)
            ++report.updated;
        else
            ++report.unchanged;
    }
    for (const auto &[eid, uid] : m_backend.people.activeEmployees()) {
        if (inFile.contains(eid))
            continue;
        const auto u = m_backend.users.byId(uid);
        report.missing.append(QStringLiteral("%1 %2").arg(eid, u ? u->person.name : uid));
        if (deactivateMissing) {
            if (m_backend.peopleFeature.deactivate(uid, {}, now) == 0)
                return internal(QStringLiteral("cannot deactivate %1").arg(eid));
            ++report.deactivated;
        }
    }
    if (!tx.commit())
        return internal(QStringLiteral("could not commit"));
    return report;
}

} // namespace plein::server
