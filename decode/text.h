#pragma once

#include <QByteArray>

namespace nsqdecode {

// Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF), checked without building
// a QString: auto-detection asks it of every body.
bool isUtf8(const QByteArray &b);
// Text a person reads: UTF-8 with no control characters but tab and line breaks. Small protobuf
// messages are often valid UTF-8; they are not printable.
bool isPrintableText(const QByteArray &b);

} // namespace nsqdecode
