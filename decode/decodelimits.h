#pragma once

#include <QtGlobal>

namespace nsqdecode {

// What a hostile body may cost. Every decoder stops with an error (and where) past these, never
// by running out of stack or memory.
struct Limits
{
    int maxDepth = 200;                          // nested containers or messages
    qsizetype maxNodes = 2'000'000;              // values in one decoded body
    qsizetype maxOutputBytes = 16 * 1024 * 1024; // each compression layer's output (nsqd's
                                                 // largest message is 1 MiB by default)
    int maxLayers = 4;                           // compression layers undone one after the other
};

} // namespace nsqdecode
