#include "brokerprocess.h"

#include <QRegularExpression>
#include <QTest>

BrokerProcess::~BrokerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool BrokerProcess::start(const QStringList &extra, quint16 tcpPort, int timeoutMs)
{
    m_out.clear();
    m_process.start(m_cli,
                    QStringList{QStringLiteral("broker"), QStringLiteral("--tcp-address"),
                                QStringLiteral("127.0.0.1:%1").arg(tcpPort),
                                QStringLiteral("--http-address"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--lookupd-http-address"),
                                QStringLiteral("127.0.0.1:0")} +
                        extra);
    const bool up = QTest::qWaitFor(
        [this] {
            m_out += m_process.readAllStandardOutput();
            return m_out.contains("Ctrl-C to stop") || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (!up || !m_out.contains("Ctrl-C to stop")) {
        m_out += m_process.readAllStandardError();
        return false;
    }
    const auto port = [this](const char *label) {
        const auto m =
            QRegularExpression(
                QStringLiteral("^%1:\\s+127\\.0\\.0\\.1:(\\d+)$").arg(QLatin1String(label)),
                QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(m_out));
        return m.hasMatch() ? quint16(m.captured(1).toUInt()) : quint16(0);
    };
    m_tcp = port("TCP");
    m_http = port("HTTP");
    m_lookup = port("lookupd HTTP");
    return m_tcp && m_http && m_lookup;
}

void BrokerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(20000);
}

bool BrokerProcess::terminate()
{
    m_process.terminate();
    if (!m_process.waitForFinished(20000))
        return false;
    m_out += m_process.readAllStandardOutput();
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}
