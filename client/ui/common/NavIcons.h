#pragma once

#include <QColor>
#include <QIcon>

namespace plein::client::navicons {

enum class Glyph { Home, News, Groups, Blogs, Chat, People, Experts, Documents, Analytics, Settings };

// A line icon drawn with QPainter (the client ships no icon theme): one colour for the
// normal state and one for the selected state of a navigation item.
QIcon icon(Glyph glyph, const QColor &normal, const QColor &selected);

} // namespace plein::client::navicons
