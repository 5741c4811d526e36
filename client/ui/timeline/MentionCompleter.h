#pragma once

#include <QObject>

class QCompleter;
class QPlainTextEdit;
class QStandardItemModel;

namespace plein::client {

class Session;

// @mention autocomplete for a composer: while the word before the cursor is "@" plus the
// start of a name, a popup offers people from the cached directory (works offline); picking
// one puts "@name " in place. Parented to the editor, so it lives as long as the editor.
class MentionCompleter : public QObject
{
    Q_OBJECT
public:
    MentionCompleter(Session *session, QPlainTextEdit *editor);

    QCompleter *completer() const { return m_completer; }
    // The "@prefix" being typed, empty when the cursor is not on one.
    QString currentPrefix() const;

private:
    void update();
    void insert(const QString &name);
    bool eventFilter(QObject *watched, QEvent *event) override;

    Session *m_session;
    QPlainTextEdit *m_editor;
    QStandardItemModel *m_model;
    QCompleter *m_completer;
};

} // namespace plein::client
