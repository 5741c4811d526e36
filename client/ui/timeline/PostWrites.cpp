#include "timeline/PostWrites.h"

#include "models/Roles.h"
#include "posts/PostsClient.h"
#include "protocol/Limits.h"
#include "session/Session.h"
#include "timeline/MentionCompleter.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace plein::client::postwrites {

namespace {
// The translation context of these strings.
struct PostWrites
{
    Q_DECLARE_TR_FUNCTIONS(PostWrites)
};
} // namespace

void react(Session *session, QWidget *, const QModelIndex &index, const QString &reaction, bool on)
{
    if (index.isValid())
        session->posts()->react(index.data(IdRole).toString(), reaction, on);
}

void addActions(QMenu &menu, Session *session, QWidget *from, const QModelIndex &index, bool comment)
{
    if (!index.isValid() || index.data(DeletedRole).toBool())
        return;
    const QString author = index.data(AuthorIdRole).toString();
    const bool mine = author == session->posts()->myId();
    const bool blog = index.data(ItemKindRole).toString() == QLatin1String("blog_page");
    const QPersistentModelIndex target(index);
    if (mine && !blog) {
        QAction *edit = menu.addAction(PostWrites::tr("&Edit…"));
        edit->setObjectName(QStringLiteral("editAction"));
        QObject::connect(edit, &QAction::triggered, from, [session, from, target, comment] {
            postwrites::edit(session, from, target, comment);
        });
    }
    if (session->posts()->mayDelete(author)) {
        QAction *del = menu.addAction(PostWrites::tr("&Delete"));
        del->setObjectName(QStringLiteral("deleteAction"));
        QObject::connect(del, &QAction::triggered, from, [session, from, target, comment] {
            postwrites::remove(session, from, target, comment);
        });
    }
}

void edit(Session *session, QWidget *from, const QModelIndex &index, bool comment)
{
    if (!index.isValid())
        return;
    const QString id = index.data(IdRole).toString();
    QDialog dialog(from);
    dialog.setObjectName(QStringLiteral("editDialog"));
    dialog.setWindowTitle(comment ? PostWrites::tr("Edit comment") : PostWrites::tr("Edit post"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *editor = new QPlainTextEdit(&dialog);
    editor->setPlainText(index.data(TextRole).toString());
    editor->setMinimumSize(480, comment ? 120 : 200);
    new MentionCompleter(session, editor);
    auto *hint = new QLabel(PostWrites::tr("Markdown: **bold**, *italic*, `code`, links, @mentions, #hashtags"), &dialog);
    hint->setStyleSheet(QStringLiteral("color: #64748B;"));
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #B91C1C;"));
    error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(editor, 1);
    layout->addWidget(hint);
    layout->addWidget(error);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        QString why;
        const bool ok = comment ? session->posts()->editComment(id, editor->toPlainText(), &why)
                                : session->posts()->editPost(id, editor->toPlainText(), &why);
        if (ok) {
            dialog.accept();
            return;
        }
        error->setText(why);
        error->show();
    });
    dialog.exec();
}

void remove(Session *session, QWidget *from, const QModelIndex &index, bool comment)
{
    if (!index.isValid())
        return;
    const QString id = index.data(IdRole).toString();
    const bool blog = index.data(ItemKindRole).toString() == QLatin1String("blog_page");
    const auto answer = QMessageBox::question(
        from, comment ? PostWrites::tr("Delete comment") : blog ? PostWrites::tr("Delete blog page") : PostWrites::tr("Delete post"),
        comment ? PostWrites::tr("Delete this comment? Replies stay, and it shows as deleted.")
                : PostWrites::tr("Delete this? Its comments stay, and it shows as deleted for everyone."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (comment)
        session->posts()->deleteComment(id);
    else
        session->posts()->deletePost(id);
}

} // namespace plein::client::postwrites
