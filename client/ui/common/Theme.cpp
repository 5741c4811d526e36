#include "common/Theme.h"

#include <QApplication>
#include <QFont>
#include <QStyle>
#include <QPalette>
#include <QStyleFactory>

namespace plein::client::theme {

namespace {
QString css(const QColor &c)
{
    return c.name(QColor::HexRgb);
}
} // namespace

void apply(QApplication &app)
{
    // Fusion looks the same on every platform, so what the screenshots show is what people get.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);

    QPalette p = app.style()->standardPalette();
    p.setColor(QPalette::Window, canvas());
    p.setColor(QPalette::Base, card());
    p.setColor(QPalette::AlternateBase, canvas());
    p.setColor(QPalette::Text, textPrimary());
    p.setColor(QPalette::WindowText, textPrimary());
    p.setColor(QPalette::ButtonText, textPrimary());
    p.setColor(QPalette::Button, QColor(0xF8, 0xFA, 0xFC));
    p.setColor(QPalette::Highlight, accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, textSecondary());
    p.setColor(QPalette::Link, accent());
    app.setPalette(p);

    QFont font = app.font();
    if (font.pointSizeF() < 10)
        font.setPointSizeF(10);
    app.setFont(font);

    app.setStyleSheet(QStringLiteral(R"(
QListWidget#navigation { background: %1; color: %2; border: none; outline: none; padding: 4px 8px; }
QListWidget#navigation::item { padding: 9px 12px; margin: 1px 0; border-radius: 8px; }
QListWidget#navigation::item:hover { background: rgba(255,255,255,0.07); color: white; }
QListWidget#navigation::item:selected { background: %3; color: white; }
QWidget#sidebar { background: %1; }
QLabel#brandLabel { color: white; font-size: 17pt; font-weight: 600; }
QLabel#userNameLabel { color: white; font-weight: 600; }
QLabel#userDetailLabel { color: %2; }
QLabel#pageTitle { font-size: 16pt; font-weight: 600; color: %4; }
QLabel#pageSubtitle, QLabel#hintLabel { color: %5; }
QLabel#errorLabel { color: %6; }
QFrame#card { background: white; border: 1px solid %7; border-radius: 10px; }
QPlainTextEdit#composerEdit, QPlainTextEdit#groupComposerEdit, QPlainTextEdit#commentEdit {
    border: 1px solid %7; border-radius: 8px; padding: 4px; background: white; }
QPlainTextEdit#composerEdit:focus, QPlainTextEdit#groupComposerEdit:focus, QPlainTextEdit#commentEdit:focus { border: 1px solid %3; }
QPushButton#postButton, QPushButton#groupPostButton, QPushButton#commentButton, QPushButton#signInButton {
    background: %3; color: white; border: none; border-radius: 7px; padding: 7px 18px; font-weight: 600; }
QPushButton#postButton:hover, QPushButton#commentButton:hover, QPushButton#signInButton:hover { background: %8; }
QPushButton#postButton:disabled, QPushButton#commentButton:disabled, QPushButton#signInButton:disabled {
    background: #A7C7CA; }
QListView#timelineView, QListView#commentsView { background: %9; border: none; }
QStatusBar { background: white; border-top: 1px solid %7; }
QStatusBar::item { border: none; }
QLabel#keychainNote { padding-right: 6px; }
QPushButton { background: white; border: 1px solid #CBD5E1; border-radius: 7px; padding: 6px 16px; color: %4; }
QPushButton:hover { background: #F8FAFC; border-color: #94A3B8; }
QPushButton:pressed { background: #F1F5F9; }
QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }
QScrollBar::handle:vertical { background: #CBD5E1; border-radius: 3px; min-height: 36px; }
QScrollBar::handle:vertical:hover { background: #94A3B8; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QListWidget#navigation QScrollBar:vertical { width: 0; }
)")
                          .arg(css(sidebar()), css(sidebarText()), css(accent()), css(textPrimary()),
                               css(textSecondary()), css(danger()), css(cardBorder()), css(accent().darker(115)),
                               css(canvas())));
}

} // namespace plein::client::theme
