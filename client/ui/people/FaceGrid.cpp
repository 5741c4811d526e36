#include "people/FaceGrid.h"

#include "common/Theme.h"
#include "people/FaceDelegate.h"
#include "people/PhotoLoader.h"

namespace plein::client {

FaceGrid::FaceGrid(PhotoLoader *photos, QWidget *parent) : QListView(parent)
{
    setViewMode(QListView::IconMode);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    // Pages fetched while scrolling are laid out in batches, so a long grid never holds the
    // UI thread for a whole pass.
    setLayoutMode(QListView::Batched);
    setBatchSize(60);
    setSpacing(2);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setStyleSheet(QStringLiteral("QListView { background: %1; padding: 12px; }").arg(theme::canvas().name()));
    setItemDelegate(new FaceDelegate(photos, this));
    if (photos)
        connect(photos, &PhotoLoader::ready, viewport(), qOverload<>(&QWidget::update));
}

void FaceGrid::reset()
{
    QListView::reset();
    // The first batch now, not on the next turn of the event loop: it is needed for the
    // next paint anyway, and this way that paint shows the results instead of nothing.
    if (model() && model()->rowCount(rootIndex()) > 0)
        doItemsLayout();
}

} // namespace plein::client
