#pragma once

#include "protocol/Error.h"

namespace plein::server {

class Backend;

// The --demo chat: group rooms (Finance, IT with code snippets, a social room) and direct
// conversations of the demo people, in Dutch and English, with replies, reactions,
// mentions, an edit and a deletion, and read marks that leave some rooms unread for
// anna. Runs after DemoSeed on the database it filled; ids are derived (deterministic).
class DemoChat
{
public:
    explicit DemoChat(Backend &backend) : m_backend(backend) {}
    // The number of messages written.
    Result<int> run();

private:
    Backend &m_backend;
};

} // namespace plein::server
