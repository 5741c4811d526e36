#pragma once

#include <QToolButton>

namespace plein::client {

// The bell in the sidebar: a line-drawn bell with the number of unread notifications on a
// badge (none when all are read). Clicking it opens the notifications page.
class NotificationBell : public QToolButton
{
    Q_OBJECT
public:
    explicit NotificationBell(QWidget *parent = nullptr);

    void setCount(int unread);
    int count() const { return m_count; }
    QSize sizeHint() const override { return {34, 30}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_count = 0;
};

} // namespace plein::client
