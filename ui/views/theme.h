#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace nsqui {

// The window's colours: the system's (style and palette as the desktop gives them), or a light
// or dark Fusion palette the user picks; the choice is kept in the settings.
namespace Theme {
// ("", "System"), ("light", "Light"), ("dark", "Dark"), translated.
QList<QPair<QString, QString>> choices();
QString saved();
void save(const QString &code);
void apply(const QString &code);
} // namespace Theme

} // namespace nsqui
