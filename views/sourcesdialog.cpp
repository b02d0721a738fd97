#include "views/sourcesdialog.h"

#include "views/backgroundjob.h"

#include "sources/httpclient.h"
#include "sources/sourcekinds.h"
#include "sources/syncrunner.h"
#include "sources/tokenstore.h"
#include "store/timeutil.h"
#include "store/workspace.h"
#include "views/sourceeditdialog.h"
#include "views/syncworker.h"
#include "views/workspaceeditor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace srm {

namespace {

const QColor kErrorColor(0xb3, 0x26, 0x1e);

QString when(Micros t)
{
    return formatIso(t - t % kMicrosPerSecond)
        .replace(u'T', u' ')
        .replace(QLatin1StringView("Z"), QLatin1StringView(" UTC"));
}

QString tokenPlace(const SourceDefinition &s)
{
    QStringList places;
    if (!s.tokenEnv.isEmpty())
        places << QCoreApplication::translate("srm::SourcesDialog", "environment variable %1").arg(s.tokenEnv);
    if (s.options.value(QLatin1StringView("keychain")).toBool())
        places << QCoreApplication::translate("srm::SourcesDialog", "keychain");
    if (places.isEmpty())
        return sources::needsToken(s.kind) ? QCoreApplication::translate("srm::SourcesDialog", "none set")
                                           : QCoreApplication::translate("srm::SourcesDialog", "none (not needed)");
    return places.join(QCoreApplication::translate("srm::SourcesDialog", ", then "));
}

QString firstSyncStart(const SourceDefinition &s)
{
    const QString since = s.options.value(QLatin1StringView("since")).toString().trimmed();
    if (since.isEmpty())
        return QCoreApplication::translate("srm::SourcesDialog", "%1 days ago").arg(s.kind == u"prometheus" ? 28 : 365);
    if (since.endsWith(u'd'))
        return QCoreApplication::translate("srm::SourcesDialog", "%1 days before it runs")
            .arg(since.chopped(1).trimmed());
    return QCoreApplication::translate("srm::SourcesDialog", "at %1").arg(since);
}

QString firstLine(const QString &s)
{
    return s.section(u'\n', 0, 0);
}

} // namespace

// --- SourcesModel -------------------------------------------------------------------------------

SourcesModel::SourcesModel(QObject *parent) : QAbstractTableModel(parent) { }

void SourcesModel::setSources(const QList<SourceDefinition> &sources)
{
    beginResetModel();
    m_sources = sources;
    endResetModel();
}

void SourcesModel::setActivity(const QString &name, const QString &text)
{
    m_activity.insert(name, text);
    for (int row = 0; row < m_sources.size(); ++row)
        if (m_sources[row].name == name)
            emit dataChanged(index(row, StatusColumn), index(row, StatusColumn));
}

void SourcesModel::clearActivity()
{
    m_activity.clear();
    if (!m_sources.isEmpty())
        emit dataChanged(index(0, StatusColumn), index(int(m_sources.size()) - 1, StatusColumn));
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourcesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceDefinition &s = m_sources[index.row()];
    if (role == NameRole)
        return s.name;
    const bool failed = !s.lastError.isEmpty();
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && failed && !m_activity.contains(s.name))
        return kErrorColor;
    if (role == Qt::ToolTipRole) {
        if (index.column() == StatusColumn && failed)
            return tr("Failed %1:\n%2").arg(s.lastErrorAt ? when(*s.lastErrorAt) : QString(), s.lastError);
        if (index.column() == FetchesColumn || index.column() == NameColumn)
            return s.url;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return s.name;
    case KindColumn: return sources::kindTitle(s.kind);
    case FetchesColumn: return sources::describe(s);
    case LastSyncColumn: return s.lastSyncAt ? when(*s.lastSyncAt) : tr("never");
    case StatusColumn:
        if (m_activity.contains(s.name))
            return m_activity.value(s.name);
        if (failed)
            return tr("failed: %1").arg(firstLine(s.lastError));
        return s.lastSyncAt ? tr("up to date") : tr("not synced yet");
    default: return {};
    }
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case FetchesColumn: return tr("Fetches");
    case LastSyncColumn: return tr("Last sync");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

// --- SourcesDialog ------------------------------------------------------------------------------

SourcesDialog::SourcesDialog(WorkspaceEditor *editor, QWidget *parent) : QDialog(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("sourcesDialog"));
    setWindowTitle(tr("Sources"));

    m_model = new SourcesModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sources"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAccessibleName(tr("Live sources"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(SourcesModel::NameColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SourcesModel::KindColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SourcesModel::FetchesColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(SourcesModel::LastSyncColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SourcesModel::StatusColumn, QHeaderView::Interactive);
    header->resizeSection(SourcesModel::StatusColumn, 220);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumHeight(4 * fontMetrics().lineSpacing());
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(6);

    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addSource"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editSource"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeSource"));
    m_token = new QPushButton(tr("Set &Token…"), this);
    m_token->setObjectName(QStringLiteral("setToken"));
    m_token->setToolTip(tr("Type the source's token once; it is kept in the desktop keychain, never in the workspace"));
    auto *side = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove, m_token})
        side->addWidget(b);
    side->addStretch(1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_syncOne = new QPushButton(tr("&Sync Now"), this);
    m_syncOne->setObjectName(QStringLiteral("syncNow"));
    m_syncOne->setToolTip(tr("Fetch what is new from the selected source and import it"));
    m_syncAll = new QPushButton(tr("Sync A&ll"), this);
    m_syncAll->setObjectName(QStringLiteral("syncAll"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelSync"));
    m_cancel->setToolTip(tr("Stop the sync; nothing of the source being synced is imported"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &SourcesDialog::reject);

    auto *syncRow = new QHBoxLayout;
    syncRow->addWidget(m_progress);
    syncRow->addWidget(m_status, 1);
    syncRow->addWidget(m_syncOne);
    syncRow->addWidget(m_syncAll);
    syncRow->addWidget(m_cancel);

    auto *top = new QHBoxLayout;
    top->addWidget(m_table, 1);
    top->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_details);
    layout->addLayout(syncRow);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &SourcesDialog::addSource);
    connect(m_edit, &QPushButton::clicked, this, &SourcesDialog::editSource);
    connect(m_table, &QTableView::doubleClicked, this, &SourcesDialog::editSource);
    connect(m_remove, &QPushButton::clicked, this, &SourcesDialog::removeSource);
    connect(m_token, &QPushButton::clicked, this, &SourcesDialog::setToken);
    connect(m_syncOne, &QPushButton::clicked, this, &SourcesDialog::syncSelected);
    connect(m_syncAll, &QPushButton::clicked, this, &SourcesDialog::syncAll);
    connect(m_cancel, &QPushButton::clicked, this, &SourcesDialog::cancelSync);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        updateDetails();
    });
    connect(m_editor, &WorkspaceEditor::changed, this, &SourcesDialog::refresh);

    resize(1000, 480);
    refresh();
}

SourcesDialog::~SourcesDialog()
{
    if (m_job)
        m_job->cancel(); // its destructor waits for the sync to stop
}

QString SourcesDialog::statusText() const
{
    return m_status->text();
}

std::optional<SourceDefinition> SourcesDialog::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->sources().value(rows.first().row());
}

void SourcesDialog::selectSource(const QString &name)
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->sources()[row].name == name)
            m_table->selectRow(row);
}

void SourcesDialog::refresh()
{
    const std::optional<SourceDefinition> current = selected();
    QList<SourceDefinition> list;
    if (Workspace *ws = m_editor->workspace()) {
        try {
            list = SourceStore(*ws).list();
        } catch (const WorkspaceError &e) {
            m_status->setText(e.message());
        }
    }
    m_model->setSources(list);
    if (current)
        selectSource(current->name);
    else if (!list.isEmpty())
        m_table->selectRow(0);
    updateButtons();
    updateDetails();
}

void SourcesDialog::updateButtons()
{
    const bool open = m_editor->workspace() != nullptr;
    const bool idle = !isSyncing() && !m_starting;
    const bool one = selected().has_value();
    m_add->setEnabled(open && idle);
    m_edit->setEnabled(open && idle && one);
    m_remove->setEnabled(open && idle && one);
    m_token->setEnabled(open && idle && one);
    m_syncOne->setEnabled(open && idle && one);
    m_syncAll->setEnabled(open && idle && m_model->rowCount() > 0);
    m_cancel->setEnabled(!idle);
    m_cancel->setVisible(!idle);
}

void SourcesDialog::updateDetails()
{
    const std::optional<SourceDefinition> s = selected();
    if (!s) {
        m_details->setText(m_model->rowCount() == 0 ? tr(
                               "No sources yet. Add one to pull incidents from PagerDuty, SLO measurements from "
                               "Prometheus, or deployments from GitHub or GitLab; then sync it here, with the Sync "
                               "button of the toolbar, or with 'sre-roadmap sync' from cron.")
                                                    : QString());
        return;
    }
    QStringList lines;
    lines << tr("%1 — %2 at %3").arg(s->name, sources::kindTitle(s->kind), s->url);
    lines << tr("Fetches %1. Token: %2.").arg(sources::describe(*s), tokenPlace(*s));
    if (s->lastSyncAt)
        lines << tr("Last good sync %1; the next one starts from there.").arg(when(*s->lastSyncAt));
    else
        lines << tr("Never synced: the first sync starts %1.").arg(firstSyncStart(*s));
    if (!s->lastError.isEmpty())
        lines << tr("Last error (%1): %2").arg(s->lastErrorAt ? when(*s->lastErrorAt) : QString(), s->lastError);
    m_details->setText(lines.join(u'\n'));
}

bool SourcesDialog::storeToken(const QString &name, const QString &token)
{
    const sources::KeychainResult r = sources::writeKeychain(name, token);
    if (r.ok)
        return true;
    QMessageBox::warning(
        this, tr("Token Not Stored"),
        tr("The token of %1 could not be stored in the desktop keychain: %2.\n\nOn a machine without a "
           "keychain, put the token in an environment variable and enter its name as the source's "
           "token variable.")
            .arg(name, r.error));
    return false;
}

void SourcesDialog::addSource()
{
    Workspace *ws = m_editor->workspace();
    if (!ws)
        return;
    SourceEditDialog dialog(std::nullopt, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    SourceDefinition s = dialog.definition();
    if (SourceStore(*ws).find(s.name)) {
        QMessageBox::warning(this, tr("Add Source"), tr("There is already a source named %1.").arg(s.name));
        return;
    }
    bool stored = false;
    if (!dialog.token().isEmpty()) {
        if (!storeToken(s.name, dialog.token()))
            return;
        stored = true;
        s.options.insert(QStringLiteral("keychain"), true);
    }
    s.createdAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    if (!m_editor->addSource(s)) {
        if (stored)
            sources::deleteKeychain(s.name);
        return;
    }
    refresh();
    selectSource(s.name);
}

void SourcesDialog::editSource()
{
    const std::optional<SourceDefinition> current = selected();
    if (!current || isSyncing())
        return;
    SourceEditDialog dialog(*current, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    SourceDefinition s = dialog.definition();
    if (!dialog.token().isEmpty()) {
        if (!storeToken(s.name, dialog.token()))
            return;
        s.options.insert(QStringLiteral("keychain"), true);
    }
    const bool changed = s.url != current->url || s.options != current->options || s.tokenEnv != current->tokenEnv;
    if (changed)
        m_editor->updateSource(s);
    refresh();
}

void SourcesDialog::removeSource()
{
    const std::optional<SourceDefinition> s = selected();
    if (!s)
        return;
    const bool keychain = s->options.value(QLatin1StringView("keychain")).toBool();
    const auto answer = QMessageBox::question(
        this, tr("Remove Source"),
        tr("Remove the source %1?\n\nThe records it imported stay (remove them in Data Sources)%2. Edit › Undo brings "
           "the "
           "source back%3.")
            .arg(s->name, keychain ? tr("; its token is removed from the keychain") : QString(),
                 keychain ? tr(", without its token") : QString()));
    if (answer != QMessageBox::Yes)
        return;
    if (!m_editor->removeSource(s->name))
        return;
    if (keychain) {
        const sources::KeychainResult r = sources::deleteKeychain(s->name);
        if (!r.ok)
            m_status->setText(
                tr("%1 removed; its token could not be removed from the keychain (%2).").arg(s->name, r.error));
    }
    refresh();
}

void SourcesDialog::setToken()
{
    const std::optional<SourceDefinition> s = selected();
    if (!s)
        return;
    bool ok = false;
    const QString token = QInputDialog::getText(
                              this, tr("Set Token"),
                              tr("Token for %1 (kept in the desktop keychain, never in the workspace):").arg(s->name),
                              QLineEdit::Password, QString(), &ok)
                              .trimmed();
    if (!ok || token.isEmpty() || !storeToken(s->name, token))
        return;
    if (!s->options.value(QLatin1StringView("keychain")).toBool()) {
        SourceDefinition updated = *s;
        updated.options.insert(QStringLiteral("keychain"), true);
        m_editor->updateSource(updated);
    }
    m_status->setText(tr("The token of %1 is stored in the keychain.").arg(s->name));
    refresh();
}

bool SourcesDialog::syncAll()
{
    return startSync(m_model->sources());
}

bool SourcesDialog::syncSelected()
{
    const std::optional<SourceDefinition> s = selected();
    return s ? startSync({*s}) : false;
}

bool SourcesDialog::startSync(const QList<SourceDefinition> &list)
{
    Workspace *ws = m_editor->workspace();
    if (!ws || isSyncing() || m_starting || list.isEmpty())
        return false;
    // Looking tokens up in the keychain runs an event loop: no second sync may start meanwhile.
    m_starting = true;
    updateButtons();
    m_results.clear();
    m_imported = false;
    m_model->clearActivity();
    std::vector<SyncJob> jobs;
    for (const SourceDefinition &s : list) {
        try {
            jobs.push_back({s, sources::findToken(s).token});
            m_model->setActivity(s.name, tr("waiting"));
        } catch (const sources::SyncError &e) {
            try {
                sources::SyncRunner::recordFailure(*ws, s.name, e.message());
            } catch (const WorkspaceError &we) {
                m_results << we.message();
            }
            m_results << tr("%1 failed: %2").arg(s.name, e.message());
        }
    }
    m_starting = false;
    if (jobs.empty()) {
        refresh();
        m_status->setText(m_results.join(u'\n'));
        emit syncFinished();
        return false;
    }
    // The worker stays on this thread; its signals, emitted on the job's, arrive queued.
    m_worker = std::make_unique<SyncWorker>(ws->path(), std::move(jobs));
    connect(m_worker.get(), &SyncWorker::progress, this, [this](const QString &name, const QString &text) {
        m_model->setActivity(name, tr("syncing…"));
        m_status->setText(tr("%1: %2").arg(name, text));
    });
    connect(m_worker.get(), &SyncWorker::sourceFinished, this,
            [this](const QString &name, bool ok, const QString &summary) {
                m_model->setActivity(name, ok ? firstLine(summary) : tr("failed"));
                m_results << (ok ? tr("%1: %2").arg(name, summary) : tr("%1 failed: %2").arg(name, firstLine(summary)));
                m_imported = m_imported || ok;
            });
    connect(m_worker.get(), &SyncWorker::finished, this, &SourcesDialog::syncDone);
    m_job = std::make_unique<BackgroundJob>([worker = m_worker.get()](JobControl &control) { worker->run(control); });
    m_progress->show();
    m_status->setText(tr("Syncing…"));
    updateButtons();
    m_job->start();
    return true;
}

void SourcesDialog::cancelSync()
{
    if (!m_job)
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void SourcesDialog::syncDone(bool cancelled, const QString &workspaceError)
{
    m_job.reset(); // waits for the job's thread, which ends right after this signal
    m_worker.reset();
    m_progress->hide();
    if (cancelled)
        m_results << tr("Cancelled: nothing was imported from the source being synced.");
    if (!workspaceError.isEmpty())
        m_results << workspaceError;
    m_model->clearActivity();
    refresh();
    m_status->setText(m_results.join(u'\n'));
    if (m_imported)
        emit dataImported();
    emit syncFinished();
    if (m_closeWhenDone) {
        m_closeWhenDone = false;
        QDialog::reject();
    }
}

void SourcesDialog::reject()
{
    if (isSyncing()) {
        // Closing stops the sync first; the dialog closes when the worker has let go.
        m_closeWhenDone = true;
        cancelSync();
        return;
    }
    QDialog::reject();
}

} // namespace srm
