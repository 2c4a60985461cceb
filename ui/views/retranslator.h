#pragma once

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace nsqui {

// Switches the text already on screen between English and Simplified Chinese, so the language
// changes without rebuilding the window (which would end the session). Most panels set their
// text once, when built; instead of a retranslate function in each, every text is mapped through
// the translation source itself (the .ts, embedded): plain texts by lookup, texts made with
// %1-style arguments by matching the pattern and carrying the arguments over. Text that matches
// no source (a topic name, a body, an address) is left as it is.
class Retranslator
{
public:
    // The one built from the embedded zh_CN source; empty if it is missing.
    static const Retranslator &zhCN();

    // Parses a Linguist .ts document; finished translations only, numerus forms left out.
    explicit Retranslator(const QByteArray &tsDocument);

    // `text` in the other language, or `text` itself when it is not one of ours.
    QString toChinese(const QString &text) const;
    QString toEnglish(const QString &text) const;

    // Every widget, action, header and plot label of the application, from one language to the
    // other ("en" or "zh_CN").
    void retranslateApplication(const QString &from, const QString &to) const;

    int size() const { return int(m_toChinese.exact.size() + m_toChinese.patterns.size()); }

private:
    struct Pattern
    {
        QRegularExpression from;
        QString to;          // with %1…%9 where the captured arguments go
        QList<int> argument; // the %N each capture of `from` is
        int fixedLength = 0; // the text around the arguments
    };
    struct Direction
    {
        QHash<QString, QString> exact;
        QList<Pattern> patterns;
    };
    static void addPattern(Direction *d, const QString &from, const QString &to);
    static QString map(const Direction &d, const QString &text);

    Direction m_toChinese;
    Direction m_toEnglish;
};

} // namespace nsqui
