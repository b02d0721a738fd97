#include "app/mainwindow.h"
#include "app/appicons.h"
#include "demo/demo.h"

#include "app/handbookdialog.h"

#include "store/workspace.h"
#include "views/alertsview.h"
#include "views/analysiscontroller.h"
#include "views/dashboardview.h"
#include "views/datasourcespanel.h"
#include "views/debtview.h"
#include "views/gapsview.h"
#include "views/importdialog.h"
#include "views/importprofilesdialog.h"
#include "views/incidentsview.h"
#include "views/progressview.h"
#include "views/roadmapview.h"
#include "views/scopepicker.h"
#include "views/servicesteamsdialog.h"
#include "views/settingsdialog.h"
#include "views/slosview.h"
#include "views/tablecopy.h"
#include "views/workspaceeditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QUrl>

// Resources live in a static library: make sure they are registered.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace srm {

namespace {
constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kFilter = QStringLiteral("SRE Roadmap workspaces (*.srmap);;All files (*)");

QDate utcDate(Micros t)
{
    int y;
    unsigned m, d;
    civilFromDays(floorToDay(t) / kMicrosPerDay, y, m, d);
    return QDate(y, int(m), int(d));
}

Micros utcMidnight(const QDate &date)
{
    return daysFromCivil(date.year(), unsigned(date.month()), unsigned(date.day())) * kMicrosPerDay;
}
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sre-roadmap.svg")));

    m_undoStack = new QUndoStack(this);
    m_editor = new WorkspaceEditor(m_undoStack, this);
    m_controller = new AnalysisController(this);
    connect(m_editor, &WorkspaceEditor::changed, this, &MainWindow::dataChanged);
    connect(m_editor, &WorkspaceEditor::failed, this,
            [this](const QString &message) { showError(tr("The change was not made:\n%1").arg(message)); });
    connect(m_controller, &AnalysisController::snapshotReady, this, &MainWindow::showSnapshot);
    connect(m_controller, &AnalysisController::failed, this, &MainWindow::showError);

    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_views = {new DashboardView(m_editor, m_pages), new GapsView(m_editor, m_pages),
               new AlertsView(m_editor, m_pages),    new IncidentsView(m_editor, m_pages),
               new SlosView(m_editor, m_pages),      new DebtView(m_editor, m_pages),
               new RoadmapView(m_editor, m_pages),   new ProgressView(m_editor, m_pages)};
    for (ViewPage *page : m_views) {
        // The empty states' buttons (views/viewpage.cpp) are the window's actions.
        const auto wire = [this, page](const char *name, const std::function<void()> &run) {
            if (auto *b = page->findChild<QAbstractButton *>(QLatin1StringView(name)))
                connect(b, &QAbstractButton::clicked, this, run);
        };
        wire("emptyNew", [this] {
            const QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), QString(), kFilter);
            if (!path.isEmpty())
                newWorkspace(path.endsWith(u".srmap") ? path : path + QStringLiteral(".srmap"));
        });
        wire("emptyOpen", [this] {
            const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QString(), kFilter);
            if (!path.isEmpty())
                openWorkspace(path);
        });
        wire("emptyDemo", [this] { openDemo(); });
        wire("noDataImport", [this] {
            if (QAction *a = findChild<QAction *>(QStringLiteral("importAction")))
                a->trigger();
        });
        wire("noDataDemo", [this] { openDemo(); });
        wire("noDataTeamSize", [this] { showSettings(true); });
        wire("roadmapTeamSize", [this] { showSettings(true); });
        wire("dilutionFit", [this, page] {
            if (auto *banner = page->findChild<QWidget *>(QStringLiteral("dilutionBanner")))
                if (const int days = banner->property("days").toInt(); days > 0)
                    setAnalysisWindow(m_asOf, days);
        });
        auto *item = new QListWidgetItem(viewTitle(page->viewId()), m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(viewTitle(page->viewId())).arg(int(page->viewId()) + 1));
        m_pages->addWidget(page);
    }
    // Taller rows than a plain list, and the list as wide as its longest title.
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    const int rowH = QFontMetrics(navFont).height() + 14;
    for (int i = 0; i < m_navigation->count(); ++i)
        m_navigation->item(i)->setSizeHint(QSize(0, rowH));
    const int navWidth = m_navigation->sizeHintForColumn(0) + 6 * QFontMetrics(navFont).averageCharWidth();
    m_navigation->setFixedWidth(std::clamp(navWidth, 110, 240));
    centralLayout->addWidget(m_navigation);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    createFileMenu();
    createEditMenu();
    createViewMenu();
    createHelpMenu();
    createToolBar();
    createStatusBar();
    updateTitle();
    updateWindowStatus();
    // Ctrl+C copies rows from every table and tree in the window (not the navigation list).
    for (QAbstractItemView *view : findChildren<QAbstractItemView *>())
        if (qobject_cast<QTableView *>(view) || qobject_cast<QTreeView *>(view))
            enableRowCopy(view);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow()
{
    // The controller's worker must not outlive the views it reports to.
    m_controller->waitForIdle();
}

// File menu: workspace files. (Imports add their entries here.)
void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Workspace…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), QString(), kFilter);
        if (!path.isEmpty())
            newWorkspace(path.endsWith(u".srmap") ? path : path + QStringLiteral(".srmap"));
    });
    newAction->setShortcut(QKeySequence::New);
    newAction->setIcon(appIcon("document-new"));
    QAction *openAction = file->addAction(tr("&Open…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QString(), kFilter);
        if (!path.isEmpty())
            openWorkspace(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    openAction->setIcon(appIcon("document-open"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    createImportActions(file);
    addSourceActions(file);
    addExportActions(file);
    file->addSeparator();
    QAction *closeAction = file->addAction(tr("&Close Workspace"), this, &MainWindow::closeWorkspace);
    closeAction->setShortcut(QKeySequence::Close);
    closeAction->setIcon(appIcon("document-close"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setIcon(appIcon("application-exit"));
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    // In the tool bar Undo and Redo are icons; the command ("Undo Set team size to 8") is their
    // tooltip, which follows the action's text, so a long command cannot push the as-of and
    // window controls off the bar.
    m_undoAction->setIcon(appIcon("edit-undo"));
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(appIcon("edit-redo"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    QAction *settings = edit->addAction(tr("Workspace &Settings…"), this, [this] { showSettings(); });
    settings->setShortcut(QKeySequence::Preferences);
    settings->setIcon(appIcon("preferences-system"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setMenuRole(QAction::PreferencesRole);
    QAction *owners = edit->addAction(tr("Services && &Teams…"), this, [this] {
        ServicesTeamsDialog *dialog = servicesTeamsDialog();
        dialog->show();
        dialog->raise();
    });
    owners->setObjectName(QStringLiteral("servicesTeams"));
}

ServicesTeamsDialog *MainWindow::servicesTeamsDialog()
{
    if (!m_servicesTeamsDialog) {
        m_servicesTeamsDialog = new ServicesTeamsDialog(m_editor, this);
        m_servicesTeamsDialog->setSnapshot(snapshot());
    }
    return m_servicesTeamsDialog;
}

void MainWindow::setScope(const Scope &scope)
{
    m_scope = scope;
    m_scopePicker->setScope(scope);
    updateTitle();
    dataChanged();
}

void MainWindow::setDashboardBreakdown(std::optional<BreakdownBy> by)
{
    static_cast<DashboardView *>(viewPage(ViewId::Dashboard))->setBreakdown(by);
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *group = new QActionGroup(this);
    for (ViewId id : kAllViews) {
        QAction *a = view->addAction(viewTitle(id), this, [this, id] { showView(id); });
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(id))));
        a->setObjectName(QStringLiteral("show_") + viewName(id));
        group->addAction(a);
        connect(m_pages, &QStackedWidget::currentChanged, a, [a, id](int index) {
            if (index == int(id))
                a->setChecked(true);
        });
        a->setChecked(id == ViewId::Dashboard);
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Recompute"), this, &MainWindow::dataChanged);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Read the workspace again (after changing it outside the window)"));
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *handbook = help->addAction(appIcon("help-contents"), tr("SRE Roadmap &Handbook"), this,
                                        [this] { showHandbook(); });
    handbook->setObjectName(QStringLiteral("handbookAction"));
    handbook->setShortcut(QKeySequence::HelpContents);
    handbook->setToolTip(tr("The metric glossary, the import formats and the command line (F1)"));
    help->addSeparator();
    QAction *about = help->addAction(appIcon("help-about"), tr("&About SRE Roadmap"), this, [this] {
        QMessageBox::about(this, tr("About SRE Roadmap"),
                           tr("<h3>SRE Roadmap %1</h3>"
                              "<p>Measure reliability, see the gaps to target, rank operational debt and plan it "
                              "into quarters; present it as an executive roadmap.</p>"
                              "<p>Released under the MIT licence. Built with Qt %2.</p>"
                              "<p>Press F1 for the handbook: what every figure means and how it is computed.</p>")
                               .arg(QLatin1StringView(SRM_VERSION), QLatin1StringView(QT_VERSION_STR)));
    });
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

HandbookDialog *MainWindow::showHandbook(const QString &topic)
{
    if (!m_handbook)
        m_handbook = new HandbookDialog(this);
    if (!topic.isEmpty())
        m_handbook->showTopic(topic);
    m_handbook->show();
    m_handbook->raise();
    m_handbook->activateWindow();
    return m_handbook;
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Analysis window"));
    bar->setObjectName(QStringLiteral("windowToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_syncAction);
    bar->addSeparator();

    auto *asOfLabel = new QLabel(tr(" &As of "), bar);
    m_asOfEdit = new QDateEdit(bar);
    m_asOfEdit->setObjectName(QStringLiteral("asOf"));
    m_asOfEdit->setAccessibleName(tr("As-of date"));
    m_asOfEdit->setToolTip(tr("The end of the analysis window (UTC midnight, exclusive). "
                              "By default the day after the latest event in the workspace."));
    m_asOfEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOfEdit->setCalendarPopup(true);
    m_asOfEdit->setDateRange(QDate(1970, 1, 2), QDate(2200, 1, 1));
    asOfLabel->setBuddy(m_asOfEdit);
    bar->addWidget(asOfLabel);
    bar->addWidget(m_asOfEdit);
    QAction *latest = bar->addAction(tr("Latest"), this, [this] { setAnalysisWindow(std::nullopt, m_days); });
    latest->setObjectName(QStringLiteral("latestAsOf"));
    latest->setToolTip(tr("Back to the default as-of: the day after the latest event in the workspace"));

    auto *daysLabel = new QLabel(tr("  &Window "), bar);
    m_daysEdit = new QSpinBox(bar);
    m_daysEdit->setObjectName(QStringLiteral("windowDays"));
    m_daysEdit->setAccessibleName(tr("Window length in days"));
    m_daysEdit->setToolTip(tr("How many days before the as-of date the analysis covers (default 90)"));
    m_daysEdit->setRange(1, AnalysisWindow::kMaxDays);
    m_daysEdit->setSuffix(tr(" days"));
    m_daysEdit->setValue(m_days);
    m_daysEdit->setKeyboardTracking(false);
    daysLabel->setBuddy(m_daysEdit);
    bar->addWidget(daysLabel);
    bar->addWidget(m_daysEdit);
    bar->addSeparator();
    m_scopePicker = new ScopePicker(bar);
    m_scopePicker->setEnabled(false);
    bar->addWidget(m_scopePicker);
    connect(m_scopePicker, &ScopePicker::scopeChanged, this, [this](const Scope &s) {
        m_scope = s;
        updateTitle();
        dataChanged();
    });

    // Typing a date or a length recomputes once the typing settles.
    m_windowTimer = new QTimer(this);
    m_windowTimer->setSingleShot(true);
    m_windowTimer->setInterval(300);
    connect(m_windowTimer, &QTimer::timeout, this, &MainWindow::windowControlsChanged);
    connect(m_asOfEdit, &QDateEdit::dateChanged, m_windowTimer, qOverload<>(&QTimer::start));
    connect(m_daysEdit, &QSpinBox::valueChanged, m_windowTimer, qOverload<>(&QTimer::start));
    for (QWidget *w : std::initializer_list<QWidget *>{m_asOfEdit, m_daysEdit})
        w->setEnabled(false);
}

void MainWindow::createStatusBar()
{
    m_statusWorkspace = new QLabel(this);
    m_statusWorkspace->setObjectName(QStringLiteral("statusWorkspace"));
    m_statusWindow = new QLabel(this);
    m_statusWindow->setObjectName(QStringLiteral("statusWindow"));
    m_statusBusy = new QLabel(this);
    m_statusBusy->setObjectName(QStringLiteral("statusBusy"));
    m_exportNotice = new QWidget(this);
    m_exportNotice->setObjectName(QStringLiteral("exportNotice"));
    auto *noticeLayout = new QHBoxLayout(m_exportNotice);
    noticeLayout->setContentsMargins(0, 0, 0, 0);
    m_exportLabel = new QLabel(m_exportNotice);
    m_exportLabel->setObjectName(QStringLiteral("exportLabel"));
    m_exportLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    noticeLayout->addWidget(m_exportLabel, 1);
    const auto noticeButton = [this, noticeLayout](const char *name, const QString &text, const QString &tip) {
        auto *b = new QToolButton(m_exportNotice);
        b->setObjectName(QLatin1StringView(name));
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        noticeLayout->addWidget(b);
        return b;
    };
    connect(noticeButton("exportOpen", tr("Open"), tr("Open the exported file with its application")),
            &QToolButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_exportOpenPath)); });
    connect(noticeButton("exportShowFolder", tr("Show in Folder"), tr("Open the folder the export was written to")),
            &QToolButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_exportFolder)); });
    connect(noticeButton("exportDismiss", QStringLiteral("×"), tr("Hide this message")), &QToolButton::clicked,
            m_exportNotice, &QWidget::hide);
    m_exportNotice->hide();
    connect(this, &MainWindow::workspaceChanged, m_exportNotice, &QWidget::hide);
    statusBar()->addWidget(m_exportNotice, 1);
    m_statusScope = new QLabel(this);
    m_statusScope->setObjectName(QStringLiteral("statusScope"));
    m_statusScope->setToolTip(tr("The services and teams every figure counts (the debt register is not scoped)"));
    statusBar()->addPermanentWidget(m_statusWorkspace, 1);
    statusBar()->addPermanentWidget(m_statusScope);
    statusBar()->addPermanentWidget(m_statusBusy);
    statusBar()->addPermanentWidget(m_statusWindow);
    connect(m_controller, &AnalysisController::busyChanged, this,
            [this](bool busy) { m_statusBusy->setText(busy ? tr("Computing…") : QString()); });
}

QString MainWindow::runBusy(const QString &label, const std::function<void()> &work)
{
    QString error;
    QThread *worker = QThread::create([&] {
        try {
            work();
        } catch (const WorkspaceError &e) {
            error = e.message();
        }
    });
    QProgressDialog progress(label, QString(), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    // Starts the timer that shows the dialog after the minimum duration: Qt 6 starts it only on
    // a first setValue(), and without one the dialog never appeared.
    progress.setValue(0);
    QEventLoop loop;
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    return error;
}

bool MainWindow::openWorkspace(const QString &path)
{
    // A workspace of an older schema is migrated as it opens: seconds at 10M pages (schema 6
    // summarises every page, schema 7 packs them), so that open runs on a worker's own
    // connection, which it closes, and the window then opens the upgraded file (a connection
    // stays on the thread that made it).
    if (Workspace::needsUpgrade(path)) {
        const QString error = runBusy(tr("Upgrading %1 to this version's format…").arg(QFileInfo(path).fileName()),
                                      [&] { Workspace::open(path); });
        if (!error.isEmpty()) {
            showError(error);
            return false;
        }
    }
    try {
        auto ws = Workspace::open(path);
        m_workspace = std::move(ws);
    } catch (const WorkspaceError &e) {
        showError(e.message());
        return false;
    }
    addRecentFile(QFileInfo(path).absoluteFilePath());
    workspaceOpened();
    return true;
}

bool MainWindow::newWorkspace(const QString &path)
{
    try {
        if (QFileInfo::exists(path)) {
            // The save dialog asked before replacing a file; never anything else (a device
            // node, as root, would be removed): docs/hostile-input.md#outputs.
            if (!QFileInfo(path).isFile() || QFileInfo(path).isSymLink()) {
                showError(tr("%1 is not a regular file; a new workspace is not created there").arg(path));
                return false;
            }
            if (m_workspace
                && QFileInfo(m_workspace->path()).canonicalFilePath() == QFileInfo(path).canonicalFilePath()) {
                showError(tr("%1 is the open workspace; choose another file for the new one").arg(path));
                return false;
            }
            QFile::remove(path);
        }
        m_workspace = Workspace::create(path);
    } catch (const WorkspaceError &e) {
        showError(e.message());
        return false;
    }
    addRecentFile(QFileInfo(path).absoluteFilePath());
    workspaceOpened();
    return true;
}

bool MainWindow::openOrOfferToCreate(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return openWorkspace(path);
    QMessageBox question(QMessageBox::Question, tr("Create Workspace?"),
                         tr("There is no workspace at %1 yet.").arg(QDir::toNativeSeparators(info.absoluteFilePath())),
                         QMessageBox::Yes | QMessageBox::Cancel, this);
    question.setObjectName(QStringLiteral("createWorkspaceQuestion"));
    question.setInformativeText(tr("Create an empty workspace there? You can then import data, open the demo, or set "
                                   "the team size."));
    question.button(QMessageBox::Yes)->setText(tr("Create"));
    question.setDefaultButton(QMessageBox::Yes);
    if (question.exec() != QMessageBox::Yes)
        return false;
    return newWorkspace(path);
}

bool MainWindow::openDemo()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        showError(tr("There is no writable data directory for the demo workspace."));
        return false;
    }
    const QString path = QDir(dir).filePath(QStringLiteral("demo.srmap"));
    if (m_workspace && QFileInfo(m_workspace->path()).absoluteFilePath() == QFileInfo(path).absoluteFilePath())
        return true;
    // An earlier demo is opened as it is (the user may have edited it); a new one is written off
    // the GUI thread (a second or two) while the window stays responsive.
    if (!QFileInfo::exists(path)) {
        if (const QString error = runBusy(tr("Writing the demo workspace…"), [&] { writeDemoWorkspace(path); });
            !error.isEmpty()) {
            showError(error);
            return false;
        }
    }
    return openWorkspace(path);
}

void MainWindow::showSettings(bool teamSize)
{
    if (!m_workspace) {
        showError(tr("Open or create a workspace to change its settings."));
        return;
    }
    SettingsDialog *dialog = settingsDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    if (teamSize)
        if (QWidget *field = dialog->findChild<QWidget *>(QStringLiteral("setting_team_size")))
            field->setFocus();
}

void MainWindow::workspaceOpened()
{
    m_editor->setWorkspace(m_workspace.get());
    m_controller->clear();
    m_asOf.reset();
    m_days = m_daysEdit->value();
    for (QWidget *w : std::initializer_list<QWidget *>{m_asOfEdit, m_daysEdit, static_cast<QWidget *>(m_scopePicker)})
        w->setEnabled(true);
    // Another workspace names other services and teams.
    m_scope = {};
    m_scopePicker->setScope({});
    updateTitle();
    dataChanged();
    emit workspaceChanged();
    // Settings written into the file that do not validate are ignored (docs/hostile-input.md#settings).
    const QStringList problems = m_workspace->settingProblems();
    if (!problems.isEmpty())
        statusBar()->showMessage(tr("Ignored, the defaults apply: %1").arg(problems.join(QStringLiteral("; "))), 30000);
}

void MainWindow::closeWorkspace()
{
    if (!m_workspace)
        return;
    m_controller->waitForIdle();
    m_controller->clear();
    m_editor->setWorkspace(nullptr);
    m_workspace.reset();
    for (ViewPage *page : m_views)
        page->setSnapshot(nullptr);
    if (m_settingsDialog)
        m_settingsDialog->setSnapshot(nullptr);
    if (m_servicesTeamsDialog)
        m_servicesTeamsDialog->setSnapshot(nullptr);
    for (QWidget *w : std::initializer_list<QWidget *>{m_asOfEdit, m_daysEdit, static_cast<QWidget *>(m_scopePicker)})
        w->setEnabled(false);
    updateTitle();
    updateWindowStatus();
    emit workspaceChanged();
}

void MainWindow::recordsReplaced()
{
    m_undoStack->clear();
    m_dataSources->refresh();
    dataChanged();
}

void MainWindow::dataChanged()
{
    if (!m_workspace)
        return;
    SnapshotRequest request;
    request.path = m_workspace->path();
    request.asOf = m_asOf;
    request.days = m_days;
    request.scope = m_scope;
    m_controller->setRequest(request);
    m_controller->recompute();
}

bool MainWindow::refreshNow()
{
    if (!m_workspace)
        return false;
    SnapshotRequest request;
    request.path = m_workspace->path();
    request.asOf = m_asOf;
    request.days = m_days;
    request.scope = m_scope;
    m_controller->setRequest(request);
    return m_controller->computeNow() != nullptr;
}

void MainWindow::waitForRefresh()
{
    m_controller->waitForIdle();
}

SnapshotPtr MainWindow::snapshot() const
{
    return m_controller->snapshot();
}

void MainWindow::setAnalysisWindow(std::optional<Micros> asOf, int days)
{
    m_asOf = asOf;
    m_days = std::clamp(days, 1, AnalysisWindow::kMaxDays);
    m_windowTimer->stop();
    {
        const QSignalBlocker a(m_asOfEdit), d(m_daysEdit);
        if (asOf)
            m_asOfEdit->setDate(utcDate(*asOf));
        m_daysEdit->setValue(m_days);
    }
    dataChanged();
}

void MainWindow::windowControlsChanged()
{
    const Micros chosen = utcMidnight(m_asOfEdit->date());
    const SnapshotPtr s = snapshot();
    // The date shown for the default as-of is not a choice of the user's: keep following it.
    const bool unchanged = !m_asOf && s && utcDate(s->window.asOf) == m_asOfEdit->date();
    setAnalysisWindow(unchanged ? std::nullopt : std::optional<Micros>(chosen), m_daysEdit->value());
}

void MainWindow::showSnapshot(const SnapshotPtr &snapshot)
{
    if (!m_workspace || !snapshot)
        return;
    {
        const QSignalBlocker a(m_asOfEdit);
        m_asOfEdit->setDate(utcDate(snapshot->window.asOf));
    }
    for (ViewPage *page : m_views)
        page->setSnapshot(snapshot);
    if (m_settingsDialog)
        m_settingsDialog->setSnapshot(snapshot);
    if (m_servicesTeamsDialog)
        m_servicesTeamsDialog->setSnapshot(snapshot);
    m_scopePicker->setNames(snapshot->scopeNames, snapshot->owners);
    updateWindowStatus();
}

SettingsDialog *MainWindow::settingsDialog()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_editor, this);
        m_settingsDialog->setSnapshot(snapshot());
    }
    return m_settingsDialog;
}

void MainWindow::showView(ViewId id)
{
    m_navigation->setCurrentRow(int(id));
}

ViewId MainWindow::currentView() const
{
    return ViewId(m_pages->currentIndex());
}

QWidget *MainWindow::viewPage(ViewId id) const
{
    return m_pages->widget(int(id));
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    if (!m_remember)
        return;
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(kRecentKey, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &f : files)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { openWorkspace(f); })->setToolTip(f);
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Menu"), this, [this] {
            QSettings().remove(kRecentKey);
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle()
{
    if (m_workspace) {
        setWindowFilePath(m_workspace->path());
        const QString file = QFileInfo(m_workspace->path()).fileName();
        setWindowTitle(m_scope.isEmpty() ? QStringLiteral("%1 — SRE Roadmap").arg(file)
                                         : QStringLiteral("%1 — %2 — SRE Roadmap").arg(file, m_scope.describe()));
        m_statusWorkspace->setText(QDir::toNativeSeparators(m_workspace->path()));
        m_statusScope->setText(tr("Scope: %1").arg(m_scope.describe()));
    } else {
        setWindowFilePath(QString());
        setWindowTitle(tr("SRE Roadmap"));
        m_statusWorkspace->setText(tr("No workspace open"));
        m_statusScope->clear();
    }
}

void MainWindow::updateWindowStatus()
{
    const SnapshotPtr s = snapshot();
    if (!m_workspace || !s) {
        m_statusWindow->clear();
        return;
    }
    const AnalysisWindow &w = s->window;
    m_statusWindow->setText(tr("Window %1 to %2 (%3 days, as of %4%5)")
                                .arg(formatDate(w.from()), formatDate(w.to() - 1))
                                .arg(w.days)
                                .arg(formatIso(w.asOf), m_asOf ? QString() : tr(", latest data")));
    m_statusWindow->setToolTip(tr("Events are counted when their time is on or after %1 and before %2 (UTC)")
                                   .arg(formatIso(w.from()), formatIso(w.to())));
}

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    auto *box = new QMessageBox(QMessageBox::Critical, tr("SRE Roadmap"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, does not block the caller
}

// --- importing -------------------------------------------------------------------------------

void MainWindow::createImportActions(QMenu *file)
{
    setAcceptDrops(true);
    m_dataSources = new DataSourcesPanel(this);
    m_dataSourcesDock = new QDockWidget(tr("Data Sources"), this);
    m_dataSourcesDock->setObjectName(QStringLiteral("dataSourcesDock"));
    m_dataSourcesDock->setWidget(m_dataSources);
    addDockWidget(Qt::BottomDockWidgetArea, m_dataSourcesDock);
    m_dataSourcesDock->hide();
    connect(m_dataSources, &DataSourcesPanel::dataChanged, this, &MainWindow::recordsReplaced);
    connect(this, &MainWindow::workspaceChanged, this, [this] { m_dataSources->setWorkspace(m_workspace.get()); });

    QAction *import = file->addAction(tr("&Import…"), this, [this] {
        if (!m_workspace) {
            showError(tr("Open or create a workspace before importing."));
            return;
        }
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Import Files"), QString(), tr("Data files (*.csv *.json *.yaml *.yml);;All files (*)"));
        if (!paths.isEmpty())
            importFiles(paths);
    });
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(tr("Ctrl+I"));
    import->setIcon(appIcon("document-import"));
    QAction *profiles = file->addAction(tr("Import &Profiles…"), this, [this] {
        if (!m_workspace) {
            showError(tr("Open or create a workspace to see its import profiles."));
            return;
        }
        ImportProfilesDialog dialog(m_editor, this);
        dialog.exec();
    });
    profiles->setObjectName(QStringLiteral("importProfilesAction"));
    QAction *sources = m_dataSourcesDock->toggleViewAction();
    sources->setText(tr("Data &Sources"));
    sources->setObjectName(QStringLiteral("dataSourcesAction"));
    file->addAction(sources);
}

ImportDialog *MainWindow::importFiles(const QStringList &paths)
{
    if (!m_workspace) {
        showError(tr("Open or create a workspace before importing."));
        return nullptr;
    }
    auto *dialog = new ImportDialog(m_workspace->path(), m_workspace->settings().timezone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEditor(m_editor);
    dialog->addFiles(paths);
    connect(dialog, &ImportDialog::dataChanged, this, &MainWindow::recordsReplaced);
    dialog->open();
    return dialog;
}

namespace {
// A dropped workspace is opened; anything else is imported into the open one.
bool isWorkspaceFile(const QUrl &url)
{
    return url.isLocalFile() && url.fileName().endsWith(u".srmap", Qt::CaseInsensitive);
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    const QList<QUrl> urls = event->mimeData()->urls();
    if ((urls.size() == 1 && isWorkspaceFile(urls.first())) || m_workspace)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && isWorkspaceFile(urls.first())) {
        event->acceptProposedAction();
        openWorkspace(urls.first().toLocalFile()); // a failure is shown window-modal, without blocking
        return;
    }
    QStringList paths;
    for (const QUrl &url : urls)
        if (url.isLocalFile() && !isWorkspaceFile(url))
            paths << url.toLocalFile();
    if (!paths.isEmpty() && m_workspace) {
        event->acceptProposedAction();
        importFiles(paths);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_remember) {
        event->accept();
        return;
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    event->accept();
}

} // namespace srm
