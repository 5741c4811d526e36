#pragma once

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace plein::client::avatar {

// A colour picked from a fixed palette by a stable hash of the person id, so everyone sees
// the same colour for the same colleague on every machine and every run.
QColor colorFor(const QString &personId);
// Initials from a display name when the model has none: "Anna de Vries" -> "AV".
QString initialsFor(const QString &displayName);
// A filled circle with the initials centred in white.
void paint(QPainter *painter, const QRectF &rect, const QString &initials, const QString &personId);

} // namespace plein::client::avatar
