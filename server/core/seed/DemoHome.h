#pragma once

#include "protocol/Error.h"

namespace plein::server {

class Backend;

// The personal side of the demo, so the start page is alive at anna's first sign-in: who
// she follows (people and an open group she is not in), colleagues mentioning her, and
// comments and reactions on her posts. Written through the features' own write handlers,
// so follows, posts and the notifications derived from them are what live writes make.
// Run after the demo people, news and groups.
class DemoHome
{
public:
    explicit DemoHome(Backend &backend) : m_backend(backend) {}
    Result<int> run();

private:
    Backend &m_backend;
};

} // namespace plein::server
