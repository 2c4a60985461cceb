#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace nsqui {

// The language of the window's translated text (the tour first of all): English or Simplified
// Chinese, from the system locale unless the user chose one. Switching takes effect at once for
// widgets that handle QEvent::LanguageChange.
namespace Language {
// ("", "System default"), ("en", "English"), ("zh_CN", "简体中文")
QList<QPair<QString, QString>> choices();
QString saved();
void save(const QString &code);
// "" follows the system locale. Returns the language now in use ("en" or "zh_CN").
QString apply(const QString &code);
QString current();
} // namespace Language

} // namespace nsqui
