#pragma once

#include "messagemodel.h"

#include <bodydecoder.h>
#include <fieldquery.h>

#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>

namespace nsqui {

// Narrows the message table to rows whose body or ID match a text (plain, case-insensitive, or a
// regular expression) and whose state is among those chosen.
class MessageFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MessageFilterModel(QObject *parent = nullptr);

    // Returns an empty string, or why the pattern is not a usable regular expression (the
    // filter is then left as it was).
    QString setPattern(const QString &text, bool regularExpression);
    // Empty: every state.
    void setStates(const QSet<int> &states);
    // Keeps the rows whose decoded body the query matches (instead of the text). `known` are
    // results already worked out (off the GUI thread); a row not in it (one that arrived since)
    // is decoded when it is first shown. A null query ends the field filter.
    void setFieldQuery(std::shared_ptr<const nsqdecode::FieldQuery> query,
                       nsqdecode::DecodeOptions options, QHash<QByteArray, bool> known);
    bool hasFieldQuery() const { return m_query != nullptr; }
    bool isActive() const { return !m_text.isEmpty() || !m_states.isEmpty() || m_query != nullptr; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QByteArray m_utf8Lower;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    QSet<int> m_states;
    std::shared_ptr<const nsqdecode::FieldQuery> m_query;
    nsqdecode::DecodeOptions m_options;
    mutable QHash<QByteArray, bool> m_fieldResults;
};

} // namespace nsqui
