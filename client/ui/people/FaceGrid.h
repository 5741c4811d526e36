#pragma once

#include <QListView>

namespace plein::client {

class PhotoLoader;

// The face grid of the People page (and of people_bench, so the figures are this grid's):
// a list view in icon mode with FaceDelegate, new pages laid out in batches. A new result
// set (a model reset, as every keystroke of the search makes) is laid out at once, so the
// next paint shows the results: with only the delayed layout, the first paint after a
// keystroke drew an empty grid and the faces came a frame later.
class FaceGrid : public QListView
{
    Q_OBJECT
public:
    explicit FaceGrid(PhotoLoader *photos, QWidget *parent = nullptr);

    void reset() override;
};

} // namespace plein::client
