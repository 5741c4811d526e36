#pragma once

#include <QColor>
#include <QString>

class QApplication;

namespace plein::client::theme {

// One small palette for the whole client, so pages and delegates agree on colours.
inline QColor accent() { return QColor(0x0E, 0x7C, 0x86); }        // teal, the brand colour
inline QColor accentSoft() { return QColor(0xE0, 0xF2, 0xF1); }
inline QColor sidebar() { return QColor(0x17, 0x25, 0x35); }
inline QColor sidebarText() { return QColor(0xCB, 0xD5, 0xE1); }
inline QColor canvas() { return QColor(0xF3, 0xF5, 0xF8); }       // behind the cards
inline QColor card() { return QColor(Qt::white); }
inline QColor cardBorder() { return QColor(0xE2, 0xE8, 0xF0); }
inline QColor textPrimary() { return QColor(0x0F, 0x17, 0x2A); }
inline QColor textSecondary() { return QColor(0x64, 0x74, 0x8B); }
inline QColor like() { return QColor(0xE1, 0x1D, 0x48); }
inline QColor danger() { return QColor(0xB9, 0x1C, 0x1C); }
inline QColor online() { return QColor(0x16, 0xA3, 0x4A); }
inline QColor connecting() { return QColor(0xD9, 0x77, 0x06); }
inline QColor offline() { return QColor(0x94, 0xA3, 0xB8); }

// Fusion with the palette above and a few style sheet rules keyed on object names.
void apply(QApplication &app);

} // namespace plein::client::theme
