#pragma once

#include "protocol/Error.h"

#include <QtGlobal>

namespace plein::server {

class Backend;

// The --demo news: a handful of articles by the demo editors (Dutch and English), one a
// pinned must-read, one for Finance only, one scheduled for later, with reads,
// acknowledgements, reactions and comments, so the News page and the editors' reach are
// alive at the first sign-in. Runs after DemoSeed, on the database it just filled; ids are
// derived, times are offsets back from `anchor` (the start of the current hour).
class DemoNews
{
public:
    explicit DemoNews(Backend &backend) : m_backend(backend) {}
    Result<int> run(qint64 anchor = 0);

private:
    Backend &m_backend;
};

} // namespace plein::server
