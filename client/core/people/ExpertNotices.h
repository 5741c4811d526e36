#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

// The Kennisconnector's notices for the signed-in person: a question asked of me, an answer
// to my question (the server logs both to user:<me>, see protocol "notice"). It counts the
// ones not seen yet (the mark is this computer's, in the replica's meta table) and announces
// each new one once, so the UI can badge the Experts page and raise a tray message.
//
// A notification centre can take its feed from arrived() and unseen() as they are.
class ExpertNotices : public QObject
{
    Q_OBJECT
public:
    ExpertNotices(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, QObject *parent = nullptr);

    int unseen() const;
    // The seen mark: notices above it are new (for "New" tags on questions).
    qint64 seenMark() const;
    bool isNew(const QString &questionId, qint64 mark) const;
    void markAllSeen();

signals:
    // A notice newer than any announced before; title and text are ready to show.
    void arrived(const QString &questionId, const QString &title, const QString &text);
    void unseenChanged(int unseen);

public slots:
    // After the cache changed: announce what is new.
    void check();

private:
    qint64 maxSeq() const;

    QSqlDatabase m_read;
    QSqlDatabase m_write;
    qint64 m_announced = 0;
    int m_lastUnseen = -1;
};

} // namespace plein::client
