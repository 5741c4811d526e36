#pragma once

#include "protocol/Error.h"

#include <QtGlobal>

namespace plein::server {

class Backend;

// The --demo blog pages: long-form Markdown (headings, lists, links, a #hashtag) by different
// people, some on their profile (everyone reads them) and some in groups (members only,
// also in a closed group), each with comments and reactions from people who may see it.
// Runs after DemoGroups (it needs their members); ids are derived, times are offsets back
// from `anchor` (the start of the current hour).
class DemoBlogs
{
public:
    explicit DemoBlogs(Backend &backend) : m_backend(backend) {}
    // The number of pages written.
    Result<int> run(qint64 anchor = 0);

private:
    Backend &m_backend;
};

} // namespace plein::server
