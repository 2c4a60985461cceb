#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

// `nsq-inspector-cli broker` as a process of its own, for tests that kill it or need it apart
// from the test's event loop. Listens on free ports; start() reads them from its banner.
class BrokerProcess
{
public:
    explicit BrokerProcess(QString cliPath) : m_cli(std::move(cliPath)) {}
    ~BrokerProcess();

    // Starts it with --tcp-address, --http-address and --lookupd-http-address on the given ports
    // (0: any free one) plus `extra`; false, with output() telling why, if it did not come up.
    bool start(const QStringList &extra = {}, quint16 tcpPort = 0, int timeoutMs = 20000);
    void kill();      // SIGKILL, waits until it is gone
    bool terminate(); // SIGTERM, as Ctrl-C; true when it exited normally with 0

    quint16 tcpPort() const { return m_tcp; }
    quint16 httpPort() const { return m_http; }
    quint16 lookupPort() const { return m_lookup; }
    QString tcpAddress() const { return QStringLiteral("127.0.0.1:%1").arg(m_tcp); }
    QByteArray output() const { return m_out; }
    QProcess &process() { return m_process; }

private:
    QString m_cli;
    QProcess m_process;
    QByteArray m_out;
    quint16 m_tcp = 0, m_http = 0, m_lookup = 0;
};
