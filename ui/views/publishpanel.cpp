#include "publishpanel.h"

#include "connectpanel.h"
#include "session/sessionsettings.h"

#include <protocol/messagerecord.h>
#include <protocol/names.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace nsqui {

namespace {

// "48 65 6c" or "48656c" (blanks and newlines anywhere) into bytes.
QByteArray parseHex(const QString &text, QString *error)
{
    QByteArray hex;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        if (!isxdigit(c.toLatin1()) || c.unicode() > 0x7f) {
            *error =
                PublishPanel::tr("Hex: '%1' at character %2 is not a hex digit").arg(c).arg(i + 1);
            return {};
        }
        hex.append(c.toLatin1());
    }
    if (hex.size() % 2 != 0) {
        *error = PublishPanel::tr("Hex: an odd number of digits (%1); each byte takes two")
                     .arg(hex.size());
        return {};
    }
    return QByteArray::fromHex(hex);
}

// Whether the bytes can sit in the text editor and come back out unchanged: the editor turns
// CR and CRLF into LF, U+2028/U+2029 into LF and a no-break space into a space.
bool editableAsText(const QByteArray &bytes)
{
    if (!nsq::isExactUtf8(bytes))
        return false;
    for (const QChar c : QString::fromUtf8(bytes)) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f || u == 0xa0 || u == 0x2028 ||
            u == 0x2029)
            return false;
    }
    return true;
}

QString toHex(const QByteArray &bytes)
{
    QString out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out += (i % 16 == 0) ? QLatin1Char('\n') : QLatin1Char(' ');
        out += QString::fromLatin1(bytes.mid(i, 1).toHex());
    }
    return out;
}

// Bodies past this open as a note, not as text: QPlainTextEdit lays a long line out again at
// every key (a 900 KB line without spaces took 49 s to show), and few edit such a body by hand.
constexpr qsizetype kEditableBytes = 256 * 1024;
// Lines longer than this are not wrapped: wrapping a line with nowhere to break is quadratic.
constexpr qsizetype kWrappedLine = 10'000;

// A JSON Lines record of a body, for editing: its ID (so the original can be finished), the
// body as text when it is, base64 otherwise.
QString recordLine(const QByteArray &body, const QString &id)
{
    // Written by hand so that the ID comes first (QJsonObject sorts its keys).
    const auto quoted = [](const QString &text) {
        const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2)); // without [ ]
    };
    QString line = QStringLiteral("{");
    if (!id.isEmpty())
        line += QStringLiteral("\"id\":%1,").arg(quoted(id));
    if (nsq::isExactUtf8(body))
        line += QStringLiteral("\"body\":%1}").arg(quoted(QString::fromUtf8(body)));
    else
        line += QStringLiteral("\"body\":%1,\"body_encoding\":\"base64\"}")
                    .arg(quoted(QString::fromLatin1(body.toBase64())));
    return line;
}

} // namespace

PublishPanel::PublishPanel(QWidget *parent)
    : QWidget(parent), m_topic(new QLineEdit), m_via(new QComboBox), m_address(new QLineEdit),
      m_targetError(fieldErrorLabel(QStringLiteral("publishTargetError"))), m_mode(new QComboBox),
      m_load(new QPushButton(tr("Load file…"))), m_editor(new QPlainTextEdit),
      m_bodyError(fieldErrorLabel(QStringLiteral("publishBodyError"))), m_delay(new QSpinBox),
      m_count(new QSpinBox), m_rate(new QSpinBox), m_batch(new QCheckBox(tr("in MPUB batches"))),
      m_publish(new QPushButton(tr("Publish"))),
      m_replay(new QPushButton(tr("Replay JSON Lines…"))),
      m_pacing(new QCheckBox(tr("at the original pacing"))), m_stop(new QPushButton(tr("Stop"))),
      m_progress(new QProgressBar), m_result(new QLabel),
      m_optionsError(fieldErrorLabel(QStringLiteral("publishOptionsError")))
{
    m_topic->setObjectName(QStringLiteral("publishTopic"));
    m_via->setObjectName(QStringLiteral("publishVia"));
    m_address->setObjectName(QStringLiteral("publishAddress"));
    m_mode->setObjectName(QStringLiteral("publishMode"));
    m_editor->setObjectName(QStringLiteral("publishEditor"));
    m_delay->setObjectName(QStringLiteral("publishDelay"));
    m_count->setObjectName(QStringLiteral("publishCount"));
    m_rate->setObjectName(QStringLiteral("publishRate"));
    m_batch->setObjectName(QStringLiteral("publishBatch"));
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_replay->setObjectName(QStringLiteral("publishReplay"));
    m_pacing->setObjectName(QStringLiteral("publishPacing"));
    m_stop->setObjectName(QStringLiteral("publishStop"));
    m_progress->setObjectName(QStringLiteral("publishProgress"));
    m_result->setObjectName(QStringLiteral("publishResult"));

    m_topic->setPlaceholderText(tr("topic"));
    m_via->addItem(tr("TCP"), int(PublishJob::Transport::Tcp));
    m_via->addItem(tr("HTTP"), int(PublishJob::Transport::Http));
    m_via->setToolTip(tr("TCP: PUB, MPUB and DPUB on a connection; HTTP: nsqd's /pub and /mpub"));
    m_address->setPlaceholderText(tr("nsqd host:port"));
    m_mode->addItems({tr("Text"), tr("JSON"), tr("Hex"), tr("JSON Lines")});
    m_mode->setItemData(JsonLinesMode,
                        tr("One message a line, as the export writes them: {\"body\": \"…\"} "
                           "(\"body_encoding\": \"base64\" for bytes that are not text)"),
                        Qt::ToolTipRole);
    m_editor->setPlaceholderText(tr("The message body"));
    m_delay->setRange(0, 24 * 60 * 60 * 1000);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setSpecialValueText(tr("none"));
    m_delay->setToolTip(tr("Deliver after this long (DPUB); at most the server's max_req_timeout"));
    m_count->setRange(1, 10000000);
    m_count->setToolTip(tr("How many times to publish the body"));
    m_rate->setRange(0, 1000000);
    m_rate->setSuffix(tr(" /s"));
    m_rate->setSpecialValueText(tr("as fast as it goes"));
    m_batch->setToolTip(tr("Send up to 100 at a time in one MPUB (not with a delay)"));
    m_stop->setEnabled(false);
    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_result->setWordWrap(true);
    // Room kept for the summary, so that the buttons above never move when it comes and goes.
    m_result->setMinimumHeight(2 * m_result->fontMetrics().lineSpacing());
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *target = new QHBoxLayout;
    target->addWidget(new QLabel(tr("Topic")));
    target->addWidget(m_topic, 2);
    target->addWidget(new QLabel(tr("via")));
    target->addWidget(m_via);
    target->addWidget(m_address, 2);
    auto *bodyBar = new QHBoxLayout;
    bodyBar->addWidget(new QLabel(tr("Body as")));
    bodyBar->addWidget(m_mode);
    bodyBar->addWidget(m_load);
    bodyBar->addStretch(1);
    auto *options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Delay")));
    options->addWidget(m_delay);
    options->addWidget(new QLabel(tr("Count")));
    options->addWidget(m_count);
    options->addWidget(new QLabel(tr("Rate")));
    options->addWidget(m_rate);
    options->addWidget(m_batch);
    options->addStretch(1);
    auto *go = new QHBoxLayout;
    go->addWidget(m_publish);
    go->addWidget(m_replay);
    go->addWidget(m_pacing);
    go->addWidget(m_stop);
    go->addWidget(m_progress, 1);

    m_finishOriginal = new QCheckBox;
    m_finishOriginal->setObjectName(QStringLiteral("finishOriginal"));
    m_finishOriginal->hide();
    m_editLarge = new QPushButton(tr("Edit it here anyway"));
    m_editLarge->setObjectName(QStringLiteral("publishEditLarge"));
    m_editLarge->setToolTip(tr("Put the whole body in the editor; with a body this large, "
                               "every change takes a moment"));
    m_editLarge->hide();
    bodyBar->insertWidget(bodyBar->count() - 1, m_editLarge);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(target);
    layout->addWidget(m_targetError);
    layout->addLayout(bodyBar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_bodyError);
    layout->addLayout(options);
    layout->addWidget(m_optionsError);
    layout->addWidget(m_finishOriginal);
    layout->addLayout(go);
    layout->addWidget(m_result);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &PublishPanel::setMode);
    // Checked once typing pauses: a large body parsed at every key would make typing crawl.
    auto *check = new QTimer(this);
    check->setSingleShot(true);
    check->setInterval(150);
    connect(check, &QTimer::timeout, this, &PublishPanel::checkBody);
    connect(m_editor, &QPlainTextEdit::textChanged, check, qOverload<>(&QTimer::start));
    connect(m_editLarge, &QPushButton::clicked, this, [this] {
        const QByteArray bytes = m_largeBody;
        setLargeBody({});
        setEditorText(m_currentMode == HexMode ? toHex(bytes) : QString::fromUtf8(bytes));
    });
    connect(m_address, &QLineEdit::textEdited, this, [this] { m_addressTyped = true; });
    connect(m_via, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_addressTyped)
            m_address->setText(m_via->currentIndex() == 0 ? m_tcpDefault : m_httpDefault);
    });
    connect(m_publish, &QPushButton::clicked, this, &PublishPanel::publish);
    connect(m_load, &QPushButton::clicked, this, &PublishPanel::loadFile);
    connect(m_replay, &QPushButton::clicked, this, &PublishPanel::chooseReplay);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->stop();
    });
}

void PublishPanel::setDefaults(const QString &topic, const QString &tcpAddress,
                               const QString &httpAddress)
{
    if (m_topic->text().isEmpty())
        m_topic->setText(topic);
    m_tcpDefault = tcpAddress;
    m_httpDefault = httpAddress;
    if (!m_addressTyped)
        m_address->setText(m_via->currentIndex() == 0 ? tcpAddress : httpAddress);
}

QString PublishPanel::tcpAddress() const
{
    const QString typed = m_address->text().trimmed();
    return m_addressTyped && m_via->currentIndex() == 0 && !typed.isEmpty() ? typed : m_tcpDefault;
}

void PublishPanel::setMaxDelayMs(qint64 ms)
{
    m_maxDelayMs = ms;
    m_delay->setToolTip(tr("Deliver after this long (DPUB); at most %1 ms, the server's "
                           "max_req_timeout")
                            .arg(ms));
}

void PublishPanel::showError(QLabel *label, const QString &error)
{
    label->setText(error);
    label->setVisible(!error.isEmpty());
}

QByteArray PublishPanel::body(QString *error) const
{
    QString why;
    QByteArray bytes;
    if (!m_largeBody.isEmpty()) {
        if (error)
            error->clear();
        return m_largeBody;
    }
    const QString text = m_editor->toPlainText();
    switch (m_currentMode) {
    case JsonLinesMode: {
        const Bodies b = bodies(&why);
        if (why.isEmpty() && b.items.size() != 1)
            why = tr("%1 messages, not one").arg(b.items.size());
        else if (why.isEmpty())
            bytes = b.items.first().body;
        break;
    }
    case TextMode:
        bytes = text.toUtf8();
        break;
    case JsonMode: {
        // Any JSON value (RFC 8259), an object or not: read inside an array, as Qt 6.4 takes
        // only objects and arrays at the top.
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "\n]", &e);
        if (e.error != QJsonParseError::NoError)
            why = tr("JSON: %1 at character %2").arg(e.errorString()).arg(qMax(1, e.offset));
        else if (doc.array().size() != 1)
            why = tr("JSON: one value is expected, not %1").arg(doc.array().size());
        else
            bytes = text.toUtf8(); // as typed: the user's layout and numbers are kept
        break;
    }
    case HexMode:
        bytes = parseHex(text, &why);
        break;
    }
    if (why.isEmpty() && bytes.isEmpty())
        why = tr("The body is empty; nsqd refuses empty messages");
    if (error)
        *error = why;
    return why.isEmpty() ? bytes : QByteArray();
}

PublishPanel::Bodies PublishPanel::bodies(QString *error) const
{
    Bodies out;
    if (m_currentMode != JsonLinesMode || !m_largeBody.isEmpty()) {
        out.body = body(error);
        return out;
    }
    QString why;
    const QStringList lines = m_editor->toPlainText().split(QLatin1Char('\n'));
    QHash<QString, int> lineOf; // each original is resent (and finished) once
    for (int i = 0; i < lines.size() && why.isEmpty(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        const auto record = nsq::decodeMessageRecord(lines.at(i).toUtf8());
        if (!record.ok()) {
            why = tr("Line %1: %2").arg(i + 1).arg(record.error());
        } else if (record.value().message.body.isEmpty()) {
            why = tr("Line %1: an empty body, which nsqd refuses").arg(i + 1);
        } else {
            const QString id = record.value().message.id.toString();
            if (m_resentIds.contains(id)) {
                why = tr("Line %1 resends %2, which nsqd has already taken from this resend: "
                         "take the line out, or its \"id\" to send it again anyway")
                          .arg(i + 1)
                          .arg(id);
                break;
            }
            if (m_resendIds.contains(id) && lineOf.contains(id)) {
                why = tr("Line %1 resends %2, as line %3 does: give each message once, or take "
                         "the \"id\" off the copy")
                          .arg(i + 1)
                          .arg(id)
                          .arg(lineOf.value(id));
                break;
            }
            lineOf.insert(id, i + 1);
            out.items << PublishJob::Item{record.value().message.body, 0};
            out.originals << (m_resendIds.contains(id) ? id : QString());
            out.lines << lines.at(i);
        }
    }
    if (why.isEmpty() && out.items.isEmpty())
        why = tr("No message: write one JSON record a line, {\"body\": \"…\"}");
    if (error)
        *error = why;
    return why.isEmpty() ? out : Bodies{};
}

void PublishPanel::setEditorText(const QString &text)
{
    qsizetype longest = 0;
    for (qsizetype from = 0; from <= text.size();) {
        qsizetype nl = text.indexOf(QLatin1Char('\n'), from);
        if (nl < 0)
            nl = text.size();
        longest = qMax(longest, nl - from);
        from = nl + 1;
    }
    m_editor->setLineWrapMode(longest > kWrappedLine ? QPlainTextEdit::NoWrap
                                                     : QPlainTextEdit::WidgetWidth);
    m_editor->setPlainText(text);
}

void PublishPanel::checkBody()
{
    QString error;
    bodies(&error);
    // An empty editor is not an error until Publish is pressed.
    showError(m_bodyError, m_editor->toPlainText().isEmpty() ? QString() : error);
}

void PublishPanel::showMode(int mode)
{
    m_currentMode = mode;
    m_mode->blockSignals(true);
    m_mode->setCurrentIndex(mode);
    m_mode->blockSignals(false);
    // Records are sent once each: Count is for repeating one body.
    m_count->setEnabled(mode != JsonLinesMode);
}

void PublishPanel::setLargeBody(const QByteArray &bytes)
{
    m_largeBody = bytes;
    const bool large = !bytes.isEmpty();
    m_editLarge->setVisible(large);
    m_editor->setReadOnly(large);
    m_mode->setEnabled(!large);
    m_editor->setPlaceholderText(
        large ? tr("A body of %1, sent byte for byte as it is. Editing one this large by hand is "
                   "slow: \"Edit it here anyway\" puts it in the editor.")
                    .arg(QLocale().formattedDataSize(bytes.size(), 1,
                                                     QLocale::DataSizeTraditionalFormat))
              : tr("The message body"));
}

void PublishPanel::setMode(int mode)
{
    // The bytes stay; only how they are written changes, when they can be written that way.
    QString error;
    const QByteArray bytes = body(&error);
    const int previous = m_currentMode;
    const auto refuse = [this, previous](const QString &why) {
        showMode(previous);
        showError(m_bodyError, why);
    };
    if (previous == JsonLinesMode && mode != JsonLinesMode && !error.isEmpty() &&
        !m_editor->toPlainText().trimmed().isEmpty()) {
        refuse(tr("These lines hold several messages (or a mistake: %1); they stay JSON Lines")
                   .arg(error));
        return;
    }
    showMode(mode);
    if (!error.isEmpty() || bytes.isEmpty()) {
        checkBody();
        return;
    }
    if (mode == JsonLinesMode) {
        setEditorText(recordLine(bytes, m_resendIds.size() == 1 ? m_resendIds.first() : QString()));
    } else if (mode == HexMode) {
        setEditorText(toHex(bytes));
    } else if (previous == HexMode || previous == JsonLinesMode) {
        if (!editableAsText(bytes)) {
            if (previous == JsonLinesMode) {
                showMode(HexMode);
                setEditorText(toHex(bytes));
                return;
            }
            refuse(tr("These bytes cannot be edited as text without changing them (not UTF-8, "
                      "or CR, NUL, a no-break space…); they stay in hex"));
            return;
        }
        setEditorText(QString::fromUtf8(bytes));
    }
    checkBody();
}

QString PublishPanel::checkTarget(QString *address)
{
    const QString topic = m_topic->text().trimmed();
    *address = m_address->text().trimmed();
    if (address->startsWith(QLatin1String("http://")))
        address->remove(0, 7);
    QString error;
    if (!nsq::isValidTopicName(topic))
        error = tr("'%1' is not a valid topic name (1-64 of a-z A-Z 0-9 . _ -, optionally "
                   "ending in #ephemeral)")
                    .arg(topic);
    else if (address->isEmpty())
        error = tr("Give the nsqd address to publish to");
    else if (const QStringList p = addressProblems({*address}, true); !p.isEmpty())
        error = tr("nsqd: %1").arg(p.first());
    showError(m_targetError, error);
    return error;
}

void PublishPanel::publish()
{
    QString address;
    if (!checkTarget(&address).isEmpty())
        return;
    QString error;
    const Bodies b = bodies(&error);
    showError(m_bodyError, error);
    const QString delayError =
        m_delay->value() > m_maxDelayMs
            ? tr("A delay of %1 ms is beyond the server's maximum (max_req_timeout, %2 ms)")
                  .arg(m_delay->value())
                  .arg(m_maxDelayMs)
            : QString();
    showError(m_optionsError, delayError);
    if (!error.isEmpty() || !delayError.isEmpty()) {
        m_result->clear(); // an old summary next to a new refusal would mislead
        m_progress->setValue(0);
        return;
    }
    // The originals to finish are fixed now, with the job: a later Edit and resend, or an
    // unticked box, changes what the next job does, never this one.
    QStringList originals;
    if (m_finishOriginal->isVisible() && m_finishOriginal->isChecked())
        originals = b.items.isEmpty() ? m_resendIds : b.originals;
    auto *job = new PublishJob(PublishJob::Transport(m_via->currentData().toInt()), address,
                               m_topic->text().trimmed(), this);
    job->setDeferMs(m_delay->value());
    job->setRate(m_rate->value());
    job->setBatchSize(m_batch->isChecked() ? 100 : 1);
    if (b.items.isEmpty()) {
        run(job, tr("%1 × %2 bytes").arg(m_count->value()).arg(b.body.size()), originals);
        job->start(b.body, m_count->value());
    } else {
        run(job, tr("%n messages from the editor", nullptr, int(b.items.size())), originals, true,
            b);
        job->start(b.items);
    }
}

QString PublishPanel::replay(const QString &path)
{
    QString address;
    const QString targetError = checkTarget(&address);
    if (!targetError.isEmpty())
        return targetError;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return tr("Could not read %1: %2").arg(path, f.errorString());
    QList<PublishJob::Item> items;
    qint64 first = -1, last = 0;
    int lineNumber = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const auto record = nsq::decodeMessageRecord(line);
        if (!record.ok())
            return tr("%1, line %2: %3 (nothing was sent)")
                .arg(path)
                .arg(lineNumber)
                .arg(record.error());
        const nsq::Message &m = record.value().message;
        if (m.body.isEmpty())
            return tr("%1, line %2: an empty body, which nsqd refuses (nothing was sent)")
                .arg(path)
                .arg(lineNumber);
        // Pacing from the recorded timestamps (ns), never going back in time; a record with
        // none goes right after the one before.
        if (m.timestamp > 0) {
            if (first < 0)
                first = m.timestamp;
            last = qMax(last, (m.timestamp - first) / 1000000);
        }
        items << PublishJob::Item{m.body, last};
    }
    if (items.isEmpty())
        return tr("%1 holds no messages").arg(path);
    auto *job = new PublishJob(PublishJob::Transport(m_via->currentData().toInt()), address,
                               m_topic->text().trimmed(), this);
    job->setPaced(m_pacing->isChecked());
    job->setRate(m_pacing->isChecked() ? 0 : m_rate->value());
    run(job, tr("replay of %1").arg(path));
    job->start(items);
    return {};
}

void PublishPanel::run(PublishJob *job, const QString &what, const QStringList &originals,
                       bool perItem, const Bodies &sent)
{
    if (m_job && m_job->running())
        m_job->stop();
    m_job = job;
    m_publish->setEnabled(false);
    m_replay->setEnabled(false);
    m_stop->setEnabled(true);
    m_result->clear();
    const QString via = m_via->currentText();
    const QString address = m_address->text().trimmed();
    const QString topic = m_topic->text().trimmed();
    const bool resending = !m_resendIds.isEmpty();
    const quint64 serial = m_resendSerial;
    const QString editorText = m_editor->toPlainText();
    // Which items nsqd took: over HTTP several requests are out at once and answer out of order.
    auto taken = std::make_shared<QList<bool>>(sent.items.size(), false);
    connect(job, &PublishJob::accepted, this, [taken](qint64 first, int count) {
        for (qint64 i = first; i < first + count && i < taken->size(); ++i)
            (*taken)[i] = true;
    });
    connect(job, &PublishJob::waiting, this, [this](qint64 ms) {
        m_result->setText(tr("Waiting %1 s for the next message (its original pacing)…")
                              .arg(double(ms) / 1000.0, 0, 'f', 1));
    });
    connect(job, &PublishJob::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(qMin<qint64>(total, INT_MAX)));
        m_progress->setValue(int(qMin<qint64>(done, INT_MAX)));
    });
    connect(
        job, &PublishJob::finished, this,
        [this, job, what, via, address, topic, originals, resending, serial, perItem, sent, taken,
         editorText](qint64 done, qint64 total, const QString &error) {
            const QLocale l;
            // How long it took, for the small load tests Count and Rate make.
            const double seconds = double(job->elapsedMs()) / 1000.0;
            const QString pace = seconds > 0 ? tr("%1 s, %2 msg/s")
                                                   .arg(l.toString(seconds, 'f', 2),
                                                        l.toString(double(done) / seconds, 'f', 0))
                                             : QString();
            const QString summary =
                error.isEmpty()
                    ? tr("Published %1 of %2 to %3 via %4 %5 (%6; %7)")
                          .arg(l.toString(done), l.toString(total), topic, via, address, what, pace)
                    : tr("Published %1 of %2 to %3 via %4 %5, then: %6")
                          .arg(l.toString(done), l.toString(total), topic, via, address, error);
            QString shown = summary;
            // nsqd answers PUB with OK alone: the new messages' IDs are not known here.
            if (resending && done > 0)
                shown += QLatin1Char(' ') + tr("(nsqd answers OK without the new message's ID.)");
            // Each original goes once its own new message is accepted: all of a repeated
            // body's copies, or the records sent before a refusal.
            QStringList accepted;
            if (!perItem && !originals.isEmpty() && total > 0 && done == total)
                accepted = originals;
            else if (perItem)
                for (qsizetype i = 0; i < qMin(originals.size(), taken->size()); ++i)
                    if (taken->at(i) && !originals.at(i).isEmpty())
                        accepted << originals.at(i);
            const qsizetype kept = originals.size() - originals.count(QString()) - accepted.size();
            if (!accepted.isEmpty())
                shown +=
                    QLatin1Char(' ') +
                    tr("Finishing the original(s) %1…").arg(accepted.join(QLatin1String(", ")));
            if (kept > 0 || (resending && originals.isEmpty()))
                shown += QLatin1Char(' ') +
                         (accepted.isEmpty() ? tr("The original(s) are left as they were.")
                                             : tr("The other original(s) are left as they were."));
            // A resend that went through is done with; one that failed stays, to try again,
            // without the records nsqd took (unless the editor was changed meanwhile).
            if (error.isEmpty() && done == total && serial == m_resendSerial) {
                m_resendIds.clear();
                m_resentIds.clear();
                m_finishOriginal->hide();
            } else if (perItem && done > 0 && serial == m_resendSerial) {
                // The originals nsqd took are done with: neither finished nor sent again.
                int finishable = 0;
                for (qsizetype i = 0; i < qMin(sent.originals.size(), taken->size()); ++i) {
                    if (sent.originals.at(i).isEmpty())
                        continue;
                    if (taken->at(i)) {
                        m_resendIds.removeAll(sent.originals.at(i));
                        m_resentIds << sent.originals.at(i);
                    } else {
                        ++finishable;
                    }
                }
                m_finishOriginal->setText(
                    tr("Finish each original held here (%1 of %2) once its new message is "
                       "accepted")
                        .arg(finishable)
                        .arg(sent.items.size() - done));
                m_finishOriginal->setVisible(finishable > 0);
            }
            if (perItem && done > 0 && !(error.isEmpty() && done == total) &&
                m_editor->toPlainText() == editorText) {
                QStringList rest;
                for (qsizetype i = 0; i < sent.lines.size(); ++i)
                    if (i >= taken->size() || !taken->at(i))
                        rest << sent.lines.at(i);
                setEditorText(rest.join(QLatin1Char('\n')));
                shown += QLatin1Char(' ') +
                         tr("The %n accepted are taken out of the editor; the rest stay, to try "
                            "again.",
                            nullptr, int(done));
            }
            m_result->setText(shown);
            m_publish->setEnabled(true);
            m_replay->setEnabled(true);
            m_stop->setEnabled(false);
            job->deleteLater();
            Q_EMIT finished(summary);
            if (!accepted.isEmpty())
                Q_EMIT finishOriginals(accepted);
        });
}

void PublishPanel::noteOriginal(const QString &text)
{
    m_result->setText(m_result->text() + QLatin1Char(' ') + text);
}

void PublishPanel::editAndResend(const QList<Original> &originals, const QString &topic)
{
    if (originals.isEmpty())
        return;
    ++m_resendSerial;
    m_resendIds.clear();
    m_resentIds.clear();
    for (const Original &o : originals)
        if (o.canFinish)
            m_resendIds << o.id;
    m_topic->setText(topic);
    m_count->setValue(1);
    m_delay->setValue(0);
    m_progress->setValue(0);
    if (originals.size() == 1) {
        setBody(originals.first().body);
    } else {
        QStringList lines;
        for (const Original &o : originals)
            lines << recordLine(o.body, o.id);
        setLargeBody({});
        showMode(JsonLinesMode);
        setEditorText(lines.join(QLatin1Char('\n')));
        checkBody();
    }
    if (originals.size() == 1)
        m_finishOriginal->setText(
            tr("Finish the original %1 once the new one is accepted").arg(originals.first().id));
    else
        m_finishOriginal->setText(
            tr("Finish each original held here (%1 of %2) once its new message is accepted")
                .arg(m_resendIds.size())
                .arg(originals.size()));
    m_finishOriginal->setChecked(false);
    m_finishOriginal->setVisible(!m_resendIds.isEmpty());
    QString text =
        originals.size() == 1
            ? tr("Resending %1: change the body or the topic, then Publish.")
                  .arg(originals.first().id)
            : tr("Resending %1 messages, a JSON record a line: change the bodies or the topic, "
                 "then Publish.")
                  .arg(originals.size());
    if (m_job && m_job->running())
        text += QLatin1Char(' ') +
                tr("The publish already running goes on as it was; Publish is back when it ends.");
    m_result->setText(text);
    m_editor->setFocus(Qt::OtherFocusReason);
}

void PublishPanel::loadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a message body"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        showError(m_bodyError, tr("Could not read %1: %2").arg(path, f.errorString()));
        return;
    }
    setBody(f.read(64 * 1024 * 1024));
}

void PublishPanel::setBody(const QByteArray &bytes)
{
    // Text the editor keeps unchanged opens as text; anything else in hex, sent as it is.
    const bool text = editableAsText(bytes);
    showMode(text ? TextMode : HexMode);
    const bool large = bytes.size() > kEditableBytes;
    setLargeBody(large ? bytes : QByteArray());
    if (large) {
        m_editor->clear();
        showError(m_bodyError, {});
        return;
    }
    setEditorText(text ? QString::fromUtf8(bytes) : toHex(bytes));
}

void PublishPanel::chooseReplay()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Replay messages"), QString(),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = replay(path);
    if (!error.isEmpty())
        m_result->setText(error);
}

} // namespace nsqui
