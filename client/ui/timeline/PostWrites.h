#pragma once

#include <QModelIndex>
#include <QString>

class QMenu;
class QWidget;

namespace plein::client {

class Session;

// The post and comment actions every list shares (timeline, group, blog, hashtag view):
// reactions, and Edit… / Delete in a row's context menu for what the user may change (their
// own; admins delete anything). Edits open a small editor; deletes ask first.
namespace postwrites {

void react(Session *session, QWidget *from, const QModelIndex &index, const QString &reaction, bool on);
// Adds Edit… and Delete when the user may use them; `comment`: the row is a comment.
void addActions(QMenu &menu, Session *session, QWidget *from, const QModelIndex &index, bool comment);
void edit(Session *session, QWidget *from, const QModelIndex &index, bool comment);
void remove(Session *session, QWidget *from, const QModelIndex &index, bool comment);

} // namespace postwrites
} // namespace plein::client
