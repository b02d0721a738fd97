#include "app/handbookdialog.h"

#include "app/cli.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace srm {

namespace {
const QString kCommandLine = QStringLiteral("command-line");

struct Topic
{
    QString id;
    const char *title;
};

// The order a newcomer reads them in: what is measured, how to judge change, what is planned,
// what goes in, then the edges.
const Topic kTopics[] = {
    {QStringLiteral("metrics.md"), QT_TRANSLATE_NOOP("srm::HandbookDialog", "Metric glossary")},
    {QStringLiteral("intervals-and-progress.md"),
     QT_TRANSLATE_NOOP("srm::HandbookDialog", "Intervals, verdicts and progress")},
    {QStringLiteral("debt-and-roadmap.md"),
     QT_TRANSLATE_NOOP("srm::HandbookDialog", "Operational debt and the roadmap")},
    {QStringLiteral("formats.md"), QT_TRANSLATE_NOOP("srm::HandbookDialog", "Import formats")},
    {QStringLiteral("sources.md"), QT_TRANSLATE_NOOP("srm::HandbookDialog", "Live sources")},
    {kCommandLine, QT_TRANSLATE_NOOP("srm::HandbookDialog", "Command line")},
    {QStringLiteral("hostile-input.md"), QT_TRANSLATE_NOOP("srm::HandbookDialog", "Hostile input and outputs")},
    {QStringLiteral("decisions.md"), QT_TRANSLATE_NOOP("srm::HandbookDialog", "Decisions")},
};

QUrl docUrl(const QString &file)
{
    return QUrl(QStringLiteral("qrc:/docs/") + file);
}
} // namespace

HandbookDialog::HandbookDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("handbook"));
    setWindowTitle(tr("SRE Roadmap Handbook"));
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);
    m_topics = new QListWidget(splitter);
    m_topics->setObjectName(QStringLiteral("handbookTopics"));
    m_topics->setAccessibleName(tr("Topics"));
    for (const Topic &t : kTopics) {
        auto *item = new QListWidgetItem(tr(t.title), m_topics);
        item->setData(Qt::UserRole, t.id);
    }
    m_browser = new QTextBrowser(splitter);
    m_browser->setObjectName(QStringLiteral("handbookText"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSearchPaths({QStringLiteral(":/docs")});
    splitter->addWidget(m_topics);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    m_topics->setMaximumWidth(m_topics->sizeHintForColumn(0) + 40);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *back = buttons->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    back->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    connect(m_topics, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        const QString id = item->data(Qt::UserRole).toString();
        if (id == kCommandLine) {
            m_browser->setSource(QUrl());
            m_browser->setHtml(tr("<h1>Command line</h1><p>What <code>sre-roadmap --help</code> prints; "
                                  "<code>sre-roadmap COMMAND --help</code> lists a command's options.</p>")
                               + QStringLiteral("<pre>%1</pre>").arg(cli::helpText().toHtmlEscaped()));
        } else if (m_browser->source() != docUrl(id)) {
            m_browser->setSource(docUrl(id), QTextDocument::MarkdownResource);
        }
    });
    // A link to another document selects its topic, so the list says where the reader is.
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this](const QUrl &url) {
        const QString file = url.fileName();
        for (int i = 0; i < m_topics->count(); ++i)
            if (m_topics->item(i)->data(Qt::UserRole).toString() == file && m_topics->currentRow() != i) {
                const QSignalBlocker block(m_topics);
                m_topics->setCurrentRow(i);
            }
    });
    resize(1000, 720);
    m_topics->setCurrentRow(0);
}

QStringList HandbookDialog::topicIds()
{
    QStringList ids;
    for (const Topic &t : kTopics)
        ids << t.id;
    return ids;
}

void HandbookDialog::showTopic(const QString &id)
{
    const int row = int(topicIds().indexOf(id));
    if (row >= 0)
        m_topics->setCurrentRow(row);
}

QString HandbookDialog::currentTopic() const
{
    const QListWidgetItem *item = m_topics->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace srm
