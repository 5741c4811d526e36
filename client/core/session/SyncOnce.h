#pragma once

#include <QStringList>

class QIODevice;

namespace plein::client {

// `plein --sync-once --server URL --user NAME --password-stdin --profile DIR [--timeout S]`:
// signs in with the password read from stdin, syncs until sync.done, sends every queued
// write and waits for its answer, then prints one JSON object on stdout, e.g.
// {"seq":812,"users":42,"posts":300,"comments":655,"likes":1210,"pending":0,"failed":0}
// and returns 0. Bad credentials, an unreachable server or running out of time print one
// line on stderr and return non-zero (2: sign-in refused, 3: unreachable, 4: timed out,
// 1: usage or replica errors). args are the program's arguments, program name first (a
// list that starts with an option is taken as arguments only). Needs a Q(Core)Application.
int runSyncOnce(const QStringList &args);
// The same with explicit streams (tests): the password is read from `in`, the JSON line
// written to `out`, the error line to `err`.
int runSyncOnce(const QStringList &args, QIODevice *in, QIODevice *out, QIODevice *err);

} // namespace plein::client
