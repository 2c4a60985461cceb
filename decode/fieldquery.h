#pragma once

#include "decodednode.h"

#include <QString>

#include <memory>

namespace nsqdecode {

// A condition on a decoded body's fields, as typed in the message filter or `tail --where`:
//   user.id == 42          items[*].sku ~ /^AB/i        type in ["a", "b"]
//   not (price >= 10.5 and currency != "EUR") or meta.flags[0]
// A path names fields by key (quoted when it has odd characters: "content-type"), list items by
// index or [*] for any, and $ is the whole body. Operators: == != < <= > >= ~ (regex) in; a path
// alone is true when it exists and is not null or false. A path that matches several values is
// true when any of them is.
class FieldQuery
{
public:
    struct Error
    {
        QString message;
        int position = -1; // in the query text
    };

    // The query, or nullptr with *error set (what is wrong and where).
    static std::shared_ptr<const FieldQuery> parse(const QString &text, Error *error);

    bool matches(const DecodedNode &root) const;

    struct Expr;
    ~FieldQuery();

private:
    FieldQuery();
    std::unique_ptr<Expr> m_root;
};

} // namespace nsqdecode
