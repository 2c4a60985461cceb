#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace nsqui::Language {

namespace {

QTranslator *g_translator = nullptr;
QString g_current = QStringLiteral("en");
QTranslator *g_qtTranslator = nullptr;

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
        // The desktop's locale, not QLocale's default: that one follows the language last applied.
        const QLocale system = QLocale::system();
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
    // Numbers and sizes ("94 bytes") in the language of the words around them.
    QLocale::setDefault(QLocale::system().language() == QLocale::Chinese ? QLocale(QLocale::English)
                                                                         : QLocale::system());
    if (g_qtTranslator) {
        QCoreApplication::removeTranslator(g_qtTranslator);
        delete g_qtTranslator;
        g_qtTranslator = nullptr;
    }
    if (wanted == QLatin1String("zh_CN")) {
        auto *t = new QTranslator;
        // The installed .qm first (a packaged fix or a translator's draft), then the embedded.
        const QString installed = QCoreApplication::applicationDirPath() +
                                  QStringLiteral("/../share/nsq-inspector/translations");
        if (t->load(QStringLiteral("nsq-inspector_zh_CN"), installed) ||
            t->load(QStringLiteral(":/i18n/nsq-inspector_zh_CN.qm"))) {
            QCoreApplication::installTranslator(t);
            g_translator = t;
            g_current = wanted;
            QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
            // Qt's own words (OK, Cancel, the file dialog), when qt6-translations-l10n is there.
            auto *qt = new QTranslator;
            if (qt->load(QStringLiteral("qtbase_zh_CN"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
                QCoreApplication::installTranslator(qt);
                g_qtTranslator = qt;
            } else {
                delete qt;
            }
        } else {
            delete t;
        }
    }
    return g_current;
}

} // namespace nsqui::Language
