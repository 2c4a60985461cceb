#include "language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace nsqui::Language {

namespace {

QTranslator *g_translator = nullptr;
QString g_current = QStringLiteral("en");

} // namespace

QList<QPair<QString, QString>> choices()
{
    return {{QString(), QCoreApplication::translate("Language", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("\u7b80\u4f53\u4e2d\u6587")}};
}

QString saved()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void save(const QString &code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

QString current()
{
    return g_current;
}

QString apply(const QString &code)
{
    QString wanted = code;
    if (wanted.isEmpty()) {
        const QLocale system;
        wanted = system.language() == QLocale::Chinese &&
                         system.script() != QLocale::TraditionalChineseScript
                     ? QStringLiteral("zh_CN")
                     : QStringLiteral("en");
    }
    if (g_translator) {
        QCoreApplication::removeTranslator(g_translator);
        delete g_translator;
        g_translator = nullptr;
    }
    g_current = QStringLiteral("en");
    if (wanted == QLatin1String("zh_CN")) {
        auto *t = new QTranslator;
        if (t->load(QStringLiteral(":/i18n/nsq-inspector_zh_CN.qm"))) {
            QCoreApplication::installTranslator(t);
            g_translator = t;
            g_current = wanted;
        } else {
            delete t;
        }
    }
    return g_current;
}

} // namespace nsqui::Language
