#pragma once

#include <QCache>
#include <QStyledItemDelegate>
#include <QTextDocument>

class QAbstractItemView;

namespace plein::client {

// One chat message: avatar, name and time (with "edited"), a quote of the message it
// answers, the Markdown body (code blocks coloured), reactions as chips, and "Sending…" or
// "Not sent: reason" for rows still in the outbox or refused. A thin line marks where the
// unread messages start. Laid-out documents are cached per message and width.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    MessageDelegate(QAbstractItemView *view, const QString &myName);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setFirstUnread(const QString &messageId) { m_firstUnread = messageId; }
    void clearCache() { m_docs.clear(); }

private:
    QTextDocument *document(const QModelIndex &index, int width, bool dark) const;
    int bodyWidth(int rowWidth) const;

    QAbstractItemView *m_view;
    QString m_myName;
    QString m_firstUnread;
    mutable QCache<QString, QTextDocument> m_docs{400};
};

} // namespace plein::client
