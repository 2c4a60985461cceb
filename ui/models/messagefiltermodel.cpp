#include "messagefiltermodel.h"

namespace nsqui {

MessageFilterModel::MessageFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

QString MessageFilterModel::setPattern(const QString &text, bool regularExpression)
{
    QRegularExpression regex;
    if (regularExpression && !text.isEmpty()) {
        regex = QRegularExpression(text);
        if (!regex.isValid())
            return QStringLiteral("not a regular expression: %1 at %2")
                .arg(regex.errorString())
                .arg(regex.patternErrorOffset());
        regex.optimize();
    }
    m_text = text;
    m_utf8Lower = text.toLower().toUtf8();
    m_regex = regex;
    m_useRegex = regularExpression;
    invalidateFilter();
    return {};
}

void MessageFilterModel::setFieldQuery(std::shared_ptr<const nsqdecode::FieldQuery> query,
                                       nsqdecode::DecodeOptions options,
                                       QHash<QByteArray, bool> known)
{
    m_query = std::move(query);
    m_options = std::move(options);
    m_fieldResults = std::move(known);
    invalidateFilter();
}

void MessageFilterModel::setStates(const QSet<int> &states)
{
    m_states = states;
    invalidateFilter();
}

bool MessageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *model = static_cast<const MessageModel *>(sourceModel());
    const MessageModel::Row &r = model->rowAt(sourceRow);
    if (!m_states.isEmpty() && !m_states.contains(int(r.state)))
        return false;
    const nsq::Message &m = r.delivery.message;
    if (m_query) {
        const QByteArray key = m.id.toByteArray();
        const auto known = m_fieldResults.constFind(key);
        if (known != m_fieldResults.cend())
            return *known;
        const nsqdecode::DecodedBody d = nsqdecode::decodeBody(m.body, m_options);
        const bool match = d.result.ok && m_query->matches(d.result.root);
        m_fieldResults.insert(key, match);
        return match;
    }
    if (m_text.isEmpty())
        return true;
    if (m_useRegex)
        return m_regex.match(QString::fromUtf8(m.body)).hasMatch() ||
               m_regex.match(m.id.toString()).hasMatch();
    // Plain text: bytes compared without case (ASCII), so a 1 MB body is not decoded per row.
    if (m.body.toLower().contains(m_utf8Lower))
        return true;
    return m.id.toByteArray().toLower().contains(m_utf8Lower);
}

} // namespace nsqui
