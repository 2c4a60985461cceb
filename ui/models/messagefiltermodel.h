#pragma once

#include "messagemodel.h"

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
    bool isActive() const { return !m_text.isEmpty() || !m_states.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QByteArray m_utf8Lower;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    QSet<int> m_states;
};

} // namespace nsqui
