#include "fieldquery.h"

#include <QRegularExpression>

#include <variant>

namespace nsqdecode {

namespace {

using K = DecodedNode::Kind;

// One step of a path: a key, an index, or any item / any field.
struct Step
{
    enum class Kind { Key, Index, Any } kind;
    QString key;
    qsizetype index = 0;
};

struct Literal
{
    enum class Kind { Null, Bool, Number, String } kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    QString text; // the string, or the number as typed
};

} // namespace

struct FieldQuery::Expr
{
    enum class Kind { Or, And, Not, Test } kind = Kind::Test;
    std::unique_ptr<Expr> left, right; // Or, And; Not uses left
    // Test:
    QList<Step> path;
    enum class Op { Truthy, Eq, Ne, Lt, Le, Gt, Ge, Match, In } op = Op::Truthy;
    QList<Literal> values; // one, or the list of `in`
    QRegularExpression regex;
};

namespace {

using Expr = FieldQuery::Expr;

class Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) {}

    std::unique_ptr<Expr> parseAll(FieldQuery::Error *error)
    {
        std::unique_ptr<Expr> e = parseOr();
        skipSpace();
        if (m_error.message.isEmpty() && m_pos < m_text.size())
            fail(QStringLiteral("expected 'and', 'or' or the end"), m_pos);
        if (!m_error.message.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return e;
    }

private:
    bool failed() const { return !m_error.message.isEmpty(); }
    std::unique_ptr<Expr> fail(const QString &why, int at)
    {
        if (m_error.message.isEmpty())
            m_error = {why, at};
        return nullptr;
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    // A word (and, or, not, in, true, …) followed by something that cannot continue it.
    bool word(const char *w)
    {
        skipSpace();
        const QLatin1String lw(w);
        if (!QStringView(m_text).mid(m_pos).startsWith(lw, Qt::CaseInsensitive))
            return false;
        const int after = m_pos + int(lw.size());
        if (after < m_text.size() &&
            (m_text.at(after).isLetterOrNumber() || m_text.at(after) == QLatin1Char('_')))
            return false;
        m_pos = after;
        return true;
    }
    bool symbol(const char *s)
    {
        skipSpace();
        if (!QStringView(m_text).mid(m_pos).startsWith(QLatin1String(s)))
            return false;
        m_pos += int(qstrlen(s));
        return true;
    }

    std::unique_ptr<Expr> binary(Expr::Kind kind, std::unique_ptr<Expr> l, std::unique_ptr<Expr> r)
    {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->left = std::move(l);
        e->right = std::move(r);
        return e;
    }
    std::unique_ptr<Expr> parseOr()
    {
        auto l = parseAnd();
        while (!failed() && (word("or") || symbol("||")))
            l = binary(Expr::Kind::Or, std::move(l), parseAnd());
        return l;
    }
    std::unique_ptr<Expr> parseAnd()
    {
        auto l = parseNot();
        while (!failed() && (word("and") || symbol("&&")))
            l = binary(Expr::Kind::And, std::move(l), parseNot());
        return l;
    }
    std::unique_ptr<Expr> parseNot()
    {
        if (++m_depth > 100)
            return fail(QStringLiteral("nested too deep"), m_pos);
        std::unique_ptr<Expr> result;
        skipSpace();
        const QStringView rest = QStringView(m_text).mid(m_pos);
        if (word("not") || (rest.startsWith(QLatin1Char('!')) &&
                            !rest.startsWith(QLatin1String("!=")) && symbol("!"))) {
            result = binary(Expr::Kind::Not, parseNot(), nullptr);
        } else {
            result = parseTest();
        }
        --m_depth;
        return result;
    }
    std::unique_ptr<Expr> parseTest()
    {
        skipSpace();
        if (symbol("(")) {
            auto e = parseOr();
            if (failed())
                return nullptr;
            if (!symbol(")"))
                return fail(QStringLiteral("expected ')'"), m_pos);
            return e;
        }
        if (m_pos >= m_text.size())
            return fail(QStringLiteral("expected a field path"), m_pos);
        auto e = std::make_unique<Expr>();
        if (!parsePath(&e->path))
            return nullptr;
        const int opAt = (skipSpace(), m_pos);
        if (symbol("==") || symbol("="))
            e->op = Expr::Op::Eq;
        else if (symbol("!="))
            e->op = Expr::Op::Ne;
        else if (symbol("<="))
            e->op = Expr::Op::Le;
        else if (symbol(">="))
            e->op = Expr::Op::Ge;
        else if (symbol("<"))
            e->op = Expr::Op::Lt;
        else if (symbol(">"))
            e->op = Expr::Op::Gt;
        else if (symbol("~"))
            e->op = Expr::Op::Match;
        else if (word("in"))
            e->op = Expr::Op::In;
        else
            return e; // a path alone
        Q_UNUSED(opAt);
        skipSpace();
        if (e->op == Expr::Op::Match) {
            if (!parseRegex(&e->regex))
                return nullptr;
            return e;
        }
        if (e->op == Expr::Op::In) {
            if (!symbol("["))
                return fail(QStringLiteral("expected '[' and a list of values after 'in'"), m_pos);
            if (!symbol("]")) {
                do {
                    Literal v;
                    if (!parseLiteral(&v))
                        return nullptr;
                    e->values << v;
                } while (symbol(","));
                if (!symbol("]"))
                    return fail(QStringLiteral("expected ',' or ']'"), m_pos);
            }
            return e;
        }
        Literal v;
        if (!parseLiteral(&v))
            return nullptr;
        if ((e->op == Expr::Op::Lt || e->op == Expr::Op::Le || e->op == Expr::Op::Gt ||
             e->op == Expr::Op::Ge) &&
            v.kind != Literal::Kind::Number && v.kind != Literal::Kind::String)
            return fail(QStringLiteral("compare a number or a string"), m_pos);
        e->values << v;
        return e;
    }
    bool parsePath(QList<Step> *path)
    {
        skipSpace();
        if (symbol("$")) {
            if (symbol("."))
                ; // a path from the root, as without the $
            else if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('['))
                ; // an index or key of the root
            else
                return true; // the whole body
        }
        bool first = true;
        while (true) {
            if (!first || (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char('['))) {
                Step s{Step::Kind::Key, {}, 0};
                if (!parseKey(&s))
                    return false;
                *path << s;
            }
            first = false;
            while (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('[')) {
                ++m_pos;
                skipSpace();
                if (symbol("*")) {
                    *path << Step{Step::Kind::Any, {}, 0};
                } else {
                    const int start = m_pos;
                    while (m_pos < m_text.size() && m_text.at(m_pos).isDigit())
                        ++m_pos;
                    if (m_pos == start) {
                        if (m_pos < m_text.size() && (m_text.at(m_pos) == QLatin1Char('"') ||
                                                      m_text.at(m_pos) == QLatin1Char('\''))) {
                            Step s{Step::Kind::Key, {}, 0};
                            if (!parseKey(&s))
                                return false;
                            *path << s;
                        } else {
                            fail(QStringLiteral("expected an index, * or a quoted key in [ ]"),
                                 m_pos);
                            return false;
                        }
                    } else {
                        bool ok = false;
                        const qlonglong index = m_text.mid(start, m_pos - start).toLongLong(&ok);
                        if (!ok) {
                            fail(QStringLiteral("this index is too large"), start);
                            return false;
                        }
                        *path << Step{Step::Kind::Index, {}, index};
                    }
                }
                if (!symbol("]")) {
                    fail(QStringLiteral("expected ']'"), m_pos);
                    return false;
                }
            }
            if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('.')) {
                ++m_pos;
                continue;
            }
            return true;
        }
    }
    bool parseKey(Step *s)
    {
        if (m_pos >= m_text.size()) {
            fail(QStringLiteral("expected a field name"), m_pos);
            return false;
        }
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            QString text;
            if (!parseQuoted(&text))
                return false;
            s->key = text;
            return true;
        }
        if (c == QLatin1Char('*')) {
            ++m_pos;
            s->kind = Step::Kind::Any;
            return true;
        }
        const int start = m_pos;
        while (m_pos < m_text.size() &&
               (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == QLatin1Char('_') ||
                m_text.at(m_pos) == QLatin1Char('-') || m_text.at(m_pos) == QLatin1Char('$') ||
                m_text.at(m_pos) == QLatin1Char('@')))
            ++m_pos;
        if (m_pos == start) {
            fail(QStringLiteral("expected a field name"), start);
            return false;
        }
        s->key = m_text.mid(start, m_pos - start);
        return true;
    }
    bool parseQuoted(QString *out)
    {
        const QChar quote = m_text.at(m_pos);
        const int start = m_pos++;
        while (m_pos < m_text.size() && m_text.at(m_pos) != quote) {
            if (m_text.at(m_pos) == QLatin1Char('\\') && m_pos + 1 < m_text.size()) {
                ++m_pos;
                const QChar e = m_text.at(m_pos++);
                *out += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                        : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                        : e == QLatin1Char('r') ? QChar(QLatin1Char('\r'))
                                                : e;
                continue;
            }
            *out += m_text.at(m_pos++);
        }
        if (m_pos >= m_text.size()) {
            fail(QStringLiteral("this string is not closed"), start);
            return false;
        }
        ++m_pos;
        return true;
    }
    bool parseRegex(QRegularExpression *re)
    {
        if (!symbol("/")) {
            fail(QStringLiteral("expected a regular expression: /…/"), m_pos);
            return false;
        }
        const int start = m_pos - 1;
        QString pattern;
        while (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char('/')) {
            if (m_text.at(m_pos) == QLatin1Char('\\') && m_pos + 1 < m_text.size() &&
                m_text.at(m_pos + 1) == QLatin1Char('/'))
                ++m_pos;
            else if (m_text.at(m_pos) == QLatin1Char('\\') && m_pos + 1 < m_text.size())
                pattern += m_text.at(m_pos++);
            pattern += m_text.at(m_pos++);
        }
        if (m_pos >= m_text.size()) {
            fail(QStringLiteral("this regular expression is not closed with /"), start);
            return false;
        }
        ++m_pos;
        QRegularExpression::PatternOptions options;
        while (m_pos < m_text.size() && m_text.at(m_pos).isLetter()) {
            if (m_text.at(m_pos) == QLatin1Char('i'))
                options |= QRegularExpression::CaseInsensitiveOption;
            else if (m_text.at(m_pos) == QLatin1Char('s'))
                options |= QRegularExpression::DotMatchesEverythingOption;
            else if (m_text.at(m_pos) == QLatin1Char('m'))
                options |= QRegularExpression::MultilineOption;
            else {
                fail(QStringLiteral("unknown regular expression flag '%1' (i, s or m)")
                         .arg(m_text.at(m_pos)),
                     m_pos);
                return false;
            }
            ++m_pos;
        }
        *re = QRegularExpression(pattern, options);
        if (!re->isValid()) {
            fail(QStringLiteral("regular expression: %1").arg(re->errorString()),
                 start + 1 + int(re->patternErrorOffset()));
            return false;
        }
        re->optimize();
        return true;
    }
    bool parseLiteral(Literal *v)
    {
        skipSpace();
        if (m_pos >= m_text.size()) {
            fail(QStringLiteral("expected a value"), m_pos);
            return false;
        }
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            v->kind = Literal::Kind::String;
            return parseQuoted(&v->text);
        }
        if (word("true") || word("false")) {
            v->kind = Literal::Kind::Bool;
            v->boolean = m_text.at(m_pos - 2).toLower() == QLatin1Char('u'); // tr(u)e, fal(s)e
            return true;
        }
        if (word("null")) {
            v->kind = Literal::Kind::Null;
            return true;
        }
        const int start = m_pos;
        if (c == QLatin1Char('-') || c == QLatin1Char('+'))
            ++m_pos;
        while (m_pos < m_text.size() &&
               (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == QLatin1Char('.') ||
                m_text.at(m_pos) == QLatin1Char('e') || m_text.at(m_pos) == QLatin1Char('E') ||
                ((m_text.at(m_pos) == QLatin1Char('-') || m_text.at(m_pos) == QLatin1Char('+')) &&
                 (m_text.at(m_pos - 1) == QLatin1Char('e') ||
                  m_text.at(m_pos - 1) == QLatin1Char('E')))))
            ++m_pos;
        bool ok = false;
        v->text = m_text.mid(start, m_pos - start);
        v->number = v->text.toDouble(&ok);
        if (!ok) {
            m_pos = start;
            fail(QStringLiteral("expected a value: a number, \"a string\", true, false or null"),
                 start);
            return false;
        }
        v->kind = Literal::Kind::Number;
        return true;
    }

    const QString &m_text;
    int m_pos = 0;
    int m_depth = 0;
    FieldQuery::Error m_error;
};

void select(const DecodedNode &node, const QList<Step> &path, qsizetype at,
            QList<const DecodedNode *> *out)
{
    if (at == path.size()) {
        *out << &node;
        return;
    }
    const Step &s = path.at(at);
    switch (s.kind) {
    case Step::Kind::Any:
        for (const DecodedNode &c : node.children)
            select(c, path, at + 1, out);
        return;
    case Step::Kind::Index:
        if (node.kind == K::Array && s.index < node.children.size())
            select(node.children.at(s.index), path, at + 1, out);
        return;
    case Step::Kind::Key:
        if (node.kind == K::Map) {
            for (const DecodedNode &c : node.children)
                if (c.key == s.key)
                    select(c, path, at + 1, out);
        } else if (node.kind == K::Array) {
            // A key on a list looks in each item: items.sku means items[*].sku.
            for (const DecodedNode &c : node.children)
                select(c, path, at, out);
        }
        return;
    }
}

bool isNumber(const DecodedNode &n, double *out)
{
    switch (n.kind) {
    case K::Int:
        *out = double(n.value.toLongLong());
        return true;
    case K::UInt:
        *out = double(n.value.toULongLong());
        return true;
    case K::Double:
        *out = n.value.toDouble();
        return true;
    case K::String: {
        bool ok = false;
        *out = n.value.toString().toDouble(&ok);
        return ok;
    }
    default:
        return false;
    }
}

// -1, 0, 1, or 2 when they cannot be ordered.
int compare(const DecodedNode &n, const Literal &v)
{
    switch (v.kind) {
    case Literal::Kind::Null:
        return n.kind == K::Null ? 0 : 2;
    case Literal::Kind::Bool:
        return n.kind == K::Bool ? (n.value.toBool() == v.boolean ? 0 : 2) : 2;
    case Literal::Kind::Number: {
        double d = 0;
        if (!isNumber(n, &d))
            return 2;
        // Integers are compared exactly when both are.
        const bool integral = !v.text.contains(QLatin1Char('.')) &&
                              !v.text.contains(QLatin1Char('e')) &&
                              !v.text.contains(QLatin1Char('E'));
        if (n.kind == K::UInt && integral) {
            bool ok = false;
            const quint64 lit = v.text.toULongLong(&ok);
            if (ok) {
                const quint64 x = n.value.toULongLong();
                return x < lit ? -1 : (x > lit ? 1 : 0);
            }
            // Past 64 bits it cannot be equal; a negative is below any unsigned value.
            return v.text.startsWith(QLatin1Char('-')) ? 1 : -1;
        }
        if (n.kind == K::Int && integral) {
            bool ok = false;
            const qint64 lit = v.text.toLongLong(&ok);
            if (ok) {
                const qint64 x = n.value.toLongLong();
                return x < lit ? -1 : (x > lit ? 1 : 0);
            }
        }
        return d < v.number ? -1 : (d > v.number ? 1 : (d == v.number ? 0 : 2));
    }
    case Literal::Kind::String: {
        const QString s =
            n.kind == K::String
                ? n.value.toString()
                : (n.kind == K::Map || n.kind == K::Array || n.kind == K::Null ? QString()
                                                                               : n.displayValue());
        if (n.kind == K::Map || n.kind == K::Array || n.kind == K::Null || n.kind == K::Bytes)
            return 2;
        const int c = s.compare(v.text);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    }
    return 2;
}

bool test(const Expr &e, const DecodedNode &root)
{
    switch (e.kind) {
    case Expr::Kind::Or:
        return test(*e.left, root) || test(*e.right, root);
    case Expr::Kind::And:
        return test(*e.left, root) && test(*e.right, root);
    case Expr::Kind::Not:
        return !test(*e.left, root);
    case Expr::Kind::Test:
        break;
    }
    QList<const DecodedNode *> found;
    select(root, e.path, 0, &found);
    for (const DecodedNode *n : std::as_const(found)) {
        switch (e.op) {
        case Expr::Op::Truthy:
            if (n->kind != K::Null && !(n->kind == K::Bool && !n->value.toBool()))
                return true;
            break;
        case Expr::Op::Eq:
            if (compare(*n, e.values.first()) == 0)
                return true;
            break;
        case Expr::Op::Ne:
            if (compare(*n, e.values.first()) != 0)
                return true;
            break;
        case Expr::Op::Lt:
            if (compare(*n, e.values.first()) == -1)
                return true;
            break;
        case Expr::Op::Le: {
            const int c = compare(*n, e.values.first());
            if (c == -1 || c == 0)
                return true;
            break;
        }
        case Expr::Op::Gt:
            if (compare(*n, e.values.first()) == 1)
                return true;
            break;
        case Expr::Op::Ge: {
            const int c = compare(*n, e.values.first());
            if (c == 1 || c == 0)
                return true;
            break;
        }
        case Expr::Op::Match:
            if (n->kind != K::Map && n->kind != K::Array && n->kind != K::Null &&
                e.regex.match(n->displayValue()).hasMatch())
                return true;
            break;
        case Expr::Op::In:
            for (const Literal &v : e.values)
                if (compare(*n, v) == 0)
                    return true;
            break;
        }
    }
    return false;
}

} // namespace

FieldQuery::FieldQuery() = default;
FieldQuery::~FieldQuery() = default;

std::shared_ptr<const FieldQuery> FieldQuery::parse(const QString &text, Error *error)
{
    if (text.trimmed().isEmpty()) {
        *error = {QStringLiteral("the query is empty"), 0};
        return nullptr;
    }
    Parser p(text);
    std::unique_ptr<Expr> root = p.parseAll(error);
    if (!root)
        return nullptr;
    std::shared_ptr<FieldQuery> q(new FieldQuery);
    q->m_root = std::move(root);
    return q;
}

bool FieldQuery::matches(const DecodedNode &root) const
{
    return test(*m_root, root);
}

} // namespace nsqdecode
