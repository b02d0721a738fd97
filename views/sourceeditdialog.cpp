#include "views/sourceeditdialog.h"

#include "sources/sourcekinds.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace srm {

namespace {

enum KindPage { PagerDutyPage, PrometheusPage, GitHubPage, GitLabPage };
enum SloColumn { SloName, SloGood, SloBad, SloTotal, SloColumnCount };

QLineEdit *lineEdit(QWidget *parent, const char *objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1StringView(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QString option(const SourceDefinition &s, const char *key)
{
    return s.options.value(QLatin1StringView(key)).toString();
}

void putOption(SourceDefinition &s, const char *key, const QLineEdit *edit)
{
    const QString v = edit->text().trimmed();
    if (v.isEmpty())
        s.options.remove(QLatin1StringView(key));
    else
        s.options.insert(QLatin1StringView(key), v);
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SourceEditDialog::SourceEditDialog(const std::optional<SourceDefinition> &existing, QWidget *parent)
    : QDialog(parent), m_existing(existing)
{
    setObjectName(QStringLiteral("sourceEditDialog"));
    setWindowTitle(existing ? tr("Edit Source %1").arg(existing->name) : tr("Add Source"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const QString &kind : SourceStore::kinds())
        m_kind->addItem(sources::kindTitle(kind), kind);
    m_name = lineEdit(this, "name", tr("e.g. pagerduty-prod"));
    m_name->setToolTip(tr("Letters, digits, '.', '_' or '-'. Also the key of its token in the keychain."));
    m_url = lineEdit(this, "url", QString());
    m_urlHint = hint(QString(), this);
    m_since = lineEdit(this, "since", QString());
    m_since->setToolTip(
        tr("Where the first sync starts: YYYY-MM-DD, an ISO-8601 instant, or a number of days like 90d. "
           "Later syncs start where the last good one ended."));
    m_token = lineEdit(this, "token",
                       existing ? tr("leave empty to keep the stored token") : tr("stored in the desktop keychain"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setToolTip(
        tr("Typed once and kept in the desktop keychain (service sre-roadmap, key = the source's name), "
           "never in the workspace."));
    m_tokenEnv = lineEdit(this, "tokenEnv", tr("optional, e.g. PD_TOKEN"));
    m_tokenEnv->setToolTip(tr("An environment variable that holds the token; when it is set it wins over the keychain "
                              "(for cron, or a machine without a keychain)."));

    auto *general = new QFormLayout;
    general->addRow(tr("&Kind:"), m_kind);
    general->addRow(tr("&Name:"), m_name);
    general->addRow(tr("&URL:"), m_url);
    general->addRow(QString(), m_urlHint);
    general->addRow(tr("First sync &from:"), m_since);
    general->addRow(tr("&Token:"), m_token);
    general->addRow(tr("Token &variable:"), m_tokenEnv);

    // The kind's own options.
    auto *kindBox = new QGroupBox(tr("What to fetch"), this);
    m_pages << hint(tr("Fetches PagerDuty incidents (GET /incidents) and imports them as pages: alert frequency, "
                       "acknowledgement and resolution times."),
                    kindBox);

    auto *prometheus = new QWidget(kindBox);
    m_step = lineEdit(prometheus, "step", tr("1h"));
    m_step->setToolTip(tr("The query resolution: seconds, or a number with s, m, h or d. Each point counts one step."));
    m_slos = new QTableWidget(0, SloColumnCount, prometheus);
    m_slos->setObjectName(QStringLiteral("slos"));
    m_slos->setHorizontalHeaderLabels({tr("SLO"), tr("Good query"), tr("Bad query"), tr("Total query")});
    m_slos->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_slos->horizontalHeader()->setSectionResizeMode(SloName, QHeaderView::ResizeToContents);
    m_slos->verticalHeader()->hide();
    m_slos->setAccessibleName(tr("SLOs and their queries"));
    m_slos->setMinimumHeight(120);
    auto *addSlo = new QPushButton(tr("Add SLO"), prometheus);
    addSlo->setObjectName(QStringLiteral("addSlo"));
    auto *removeSlo = new QPushButton(tr("Remove SLO"), prometheus);
    removeSlo->setObjectName(QStringLiteral("removeSlo"));
    connect(addSlo, &QPushButton::clicked, this, [this] {
        addSloRow();
        m_slos->setCurrentCell(m_slos->rowCount() - 1, SloName);
        m_slos->editItem(m_slos->item(m_slos->rowCount() - 1, SloName));
    });
    connect(removeSlo, &QPushButton::clicked, this, [this] {
        if (m_slos->currentRow() >= 0)
            m_slos->removeRow(m_slos->currentRow());
    });
    auto *sloButtons = new QHBoxLayout;
    sloButtons->addWidget(hint(tr("Per SLO: the total query, and the good or the bad query; each returns events per "
                                  "step, e.g. sum(increase(http_requests_total[1h])). Definitions (objectives) come "
                                  "from an OpenSLO import."),
                               prometheus),
                          1);
    sloButtons->addWidget(addSlo);
    sloButtons->addWidget(removeSlo);
    auto *promForm = new QFormLayout;
    promForm->setContentsMargins(0, 0, 0, 0);
    promForm->addRow(tr("&Step:"), m_step);
    auto *promLayout = new QVBoxLayout(prometheus);
    promLayout->setContentsMargins(0, 0, 0, 0);
    promLayout->addLayout(promForm);
    promLayout->addWidget(m_slos, 1);
    promLayout->addLayout(sloButtons);
    m_pages << prometheus;

    auto *github = new QWidget(kindBox);
    m_repo = lineEdit(github, "repo", tr("OWNER/NAME"));
    m_ghEnvironment = lineEdit(github, "githubEnvironment", tr("production"));
    m_ghService = lineEdit(github, "githubService", tr("the repository's name"));
    auto *ghForm = new QFormLayout(github);
    ghForm->setContentsMargins(0, 0, 0, 0);
    ghForm->addRow(tr("&Repository:"), m_repo);
    ghForm->addRow(tr("&Environment:"), m_ghEnvironment);
    ghForm->addRow(tr("S&ervice:"), m_ghService);
    ghForm->addRow(QString(),
                   hint(tr("Deployments of the environment with their latest status, and the commits between "
                           "successful deployments as changes."),
                        github));
    m_pages << github;

    auto *gitlab = new QWidget(kindBox);
    m_project = lineEdit(gitlab, "project", tr("numeric id, or group/name"));
    m_glEnvironment = lineEdit(gitlab, "gitlabEnvironment", tr("production"));
    m_glService = lineEdit(gitlab, "gitlabService", tr("the project's name"));
    auto *glForm = new QFormLayout(gitlab);
    glForm->setContentsMargins(0, 0, 0, 0);
    glForm->addRow(tr("&Project:"), m_project);
    glForm->addRow(tr("&Environment:"), m_glEnvironment);
    glForm->addRow(tr("S&ervice:"), m_glService);
    glForm->addRow(QString(),
                   hint(tr("Finished deployments of the environment (success, failed, canceled), and the commits "
                           "between successful deployments as changes."),
                        gitlab));
    m_pages << gitlab;

    // One page per kind, only the kind's shown (a hidden page takes no room).
    auto *kindLayout = new QVBoxLayout(kindBox);
    for (QWidget *page : std::as_const(m_pages))
        kindLayout->addWidget(page);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SourceEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(general);
    layout->addWidget(kindBox, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    if (existing) {
        const SourceDefinition &s = *existing;
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(s.kind)));
        m_kind->setEnabled(false);
        m_name->setText(s.name);
        m_name->setReadOnly(true);
        m_url->setText(s.url);
        m_since->setText(option(s, "since"));
        m_tokenEnv->setText(s.tokenEnv);
        m_step->setText(option(s, "step"));
        for (const sources::PrometheusSlo &slo : sources::prometheusSlos(s))
            addSloRow(slo.name, slo.good, slo.bad, slo.total);
        m_repo->setText(option(s, "repo"));
        m_ghEnvironment->setText(s.kind == u"github" ? option(s, "environment") : QString());
        m_ghService->setText(s.kind == u"github" ? option(s, "service") : QString());
        m_project->setText(option(s, "project"));
        m_glEnvironment->setText(s.kind == u"gitlab" ? option(s, "environment") : QString());
        m_glService->setText(s.kind == u"gitlab" ? option(s, "service") : QString());
    }
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SourceEditDialog::kindChanged);
    kindChanged();
}

void SourceEditDialog::addSloRow(const QString &name, const QString &good, const QString &bad, const QString &total)
{
    const int row = m_slos->rowCount();
    m_slos->insertRow(row);
    const QString values[] = {name, good, bad, total};
    for (int c = 0; c < SloColumnCount; ++c)
        m_slos->setItem(row, c, new QTableWidgetItem(values[c]));
}

void SourceEditDialog::kindChanged()
{
    const QString kind = m_kind->currentData().toString();
    const int page = kind == u"prometheus" ? PrometheusPage
        : kind == u"github"                ? GitHubPage
        : kind == u"gitlab"                ? GitLabPage
                                           : PagerDutyPage;
    for (int i = 0; i < m_pages.size(); ++i)
        m_pages[i]->setVisible(i == page);
    const QString fallback = sources::defaultUrl(kind);
    m_url->setPlaceholderText(fallback.isEmpty() ? tr("required, e.g. https://prometheus.example.org") : fallback);
    m_urlHint->setText(kind == u"pagerduty"    ? tr("EU accounts: %1").arg(sources::pagerDutyEuUrl())
                           : kind == u"github" ? tr("GitHub Enterprise: https://HOST/api/v3")
                                               : QString());
    m_urlHint->setVisible(!m_urlHint->text().isEmpty());
    const int days = kind == u"prometheus" ? 28 : 365;
    m_since->setPlaceholderText(tr("%1 days ago (YYYY-MM-DD, an instant, or 90d)").arg(days));
    if (kind == u"prometheus" && m_slos->rowCount() == 0)
        addSloRow();
    // Word-wrapped hints make the height depend on the width: ask the layout for that width.
    const int w = std::max(width(), 720);
    layout()->invalidate();
    layout()->activate();
    const int h = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(w) : sizeHint().height();
    resize(w, h + (page == PrometheusPage ? 60 : 0));
}

SourceDefinition SourceEditDialog::definition() const
{
    SourceDefinition s = m_existing.value_or(SourceDefinition());
    s.kind = m_kind->currentData().toString();
    s.name = m_name->text().trimmed();
    s.url = m_url->text().trimmed().isEmpty() ? sources::defaultUrl(s.kind) : m_url->text().trimmed();
    s.tokenEnv = m_tokenEnv->text().trimmed();
    const bool keychain = s.options.value(QLatin1StringView("keychain")).toBool();
    s.options = QJsonObject();
    if (keychain)
        s.options.insert(QStringLiteral("keychain"), true);
    putOption(s, "since", m_since);
    if (s.kind == u"prometheus") {
        putOption(s, "step", m_step);
        QList<sources::PrometheusSlo> slos;
        for (int row = 0; row < m_slos->rowCount(); ++row) {
            const auto cell = [&](int c) {
                return m_slos->item(row, c) ? m_slos->item(row, c)->text().trimmed() : QString();
            };
            if (cell(SloName).isEmpty() && cell(SloGood).isEmpty() && cell(SloBad).isEmpty()
                && cell(SloTotal).isEmpty())
                continue;
            slos.append({cell(SloName), cell(SloGood), cell(SloBad), cell(SloTotal)});
        }
        sources::setPrometheusSlos(s, slos);
    } else if (s.kind == u"github") {
        putOption(s, "repo", m_repo);
        putOption(s, "environment", m_ghEnvironment);
        putOption(s, "service", m_ghService);
    } else if (s.kind == u"gitlab") {
        putOption(s, "project", m_project);
        putOption(s, "environment", m_glEnvironment);
        putOption(s, "service", m_glService);
    }
    return s;
}

QString SourceEditDialog::token() const
{
    return m_token->text().trimmed();
}

QString SourceEditDialog::problem() const
{
    const SourceDefinition s = definition();
    if (const QString why = sources::definitionError(s); !why.isEmpty())
        return why;
    if (sources::needsToken(s.kind) && token().isEmpty() && s.tokenEnv.isEmpty()
        && !s.options.value(QLatin1StringView("keychain")).toBool())
        return tr("%1 needs a token: type it (it is kept in the desktop keychain) or name the environment variable "
                  "that "
                  "holds it.")
            .arg(sources::kindTitle(s.kind));
    return {};
}

void SourceEditDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_error->setText(why);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace srm
