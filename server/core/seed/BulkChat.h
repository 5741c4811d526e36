#pragma once

#include "protocol/Error.h"

#include <QStringList>

namespace plein::server {

class Backend;

// Chat for `plein-server seed --rooms N --messages N`: N group rooms of 3-30 of the given
// people (the first a few direct rooms), and messages spread over them with a skew (some
// rooms are busy), in Dutch and English, some with code blocks, some replies, through the
// chat feature's own handlers so rooms, members, messages and their changes are exactly
// what live writes make. Deterministic for a seed. Call inside no transaction; it commits
// in batches.
struct BulkChatReport
{
    int rooms = 0;
    int messages = 0;
};
Result<BulkChatReport> seedChat(Backend &backend, const QStringList &people, int rooms, int messages, quint32 seed,
                                int batchRows = 20000);

} // namespace plein::server
