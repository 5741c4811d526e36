#pragma once

#include "protocol/Error.h"

#include <QtGlobal>

namespace plein::server {

class Backend;

// The --demo groups: one of every kind, open, closed and secret, with members from several
// departments, an owner or two each, a pending join request, and a few weeks of posts in
// Dutch and English. Runs after DemoSeed; ids are derived, times are offsets back from
// `anchor` (the start of the current hour).
class DemoGroups
{
public:
    explicit DemoGroups(Backend &backend) : m_backend(backend) {}
    Result<int> run(qint64 anchor = 0);

private:
    Backend &m_backend;
};

} // namespace plein::server
