#include "mainwindow.h"

#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

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
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sre-roadmap.svg")));

    auto *splitter = new QSplitter(this);
    m_navigation = new QListWidget(splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setMaximumWidth(220);
    m_pages = new QStackedWidget(splitter);
    m_pages->setObjectName(QStringLiteral("pages"));
    for (ViewId id : kAllViews) {
        m_navigation->addItem(viewTitle(id));
        auto *page = new QLabel(viewTitle(id), m_pages);
        page->setObjectName(viewName(id));
        page->setAlignment(Qt::AlignCenter);
        m_pages->addWidget(page);
    }
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    m_statusWorkspace = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusWorkspace, 1);

    createActions();
    updateTitle();

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Workspace…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), QString(), kFilter);
        if (!path.isEmpty())
            newWorkspace(path.endsWith(u".srmap") ? path : path + QStringLiteral(".srmap"));
    });
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QString(), kFilter);
        if (!path.isEmpty())
            openWorkspace(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    addExportActions(file);
    file->addSeparator();
    QAction *closeAction = file->addAction(tr("&Close Workspace"), this, &MainWindow::closeWorkspace);
    closeAction->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SRE Roadmap"), this, [this] {
        QMessageBox::about(this, tr("About SRE Roadmap"),
                           tr("<h3>SRE Roadmap %1</h3>"
                              "<p>Measure reliability, see the gaps to target, rank operational debt and plan it "
                              "into quarters; present it as an executive roadmap.</p>")
                               .arg(QLatin1StringView(SRM_VERSION)));
    });
}

bool MainWindow::openWorkspace(const QString &path)
{
    try {
        auto ws = Workspace::open(path);
        m_workspace = std::move(ws);
    } catch (const WorkspaceError &e) {
        showError(e.message());
        return false;
    }
    addRecentFile(QFileInfo(path).absoluteFilePath());
    updateTitle();
    emit workspaceChanged();
    return true;
}

bool MainWindow::newWorkspace(const QString &path)
{
    try {
        if (QFileInfo::exists(path))
            QFile::remove(path); // the save dialog asked before overwriting
        m_workspace = Workspace::create(path);
    } catch (const WorkspaceError &e) {
        showError(e.message());
        return false;
    }
    addRecentFile(QFileInfo(path).absoluteFilePath());
    updateTitle();
    emit workspaceChanged();
    return true;
}

void MainWindow::closeWorkspace()
{
    if (!m_workspace)
        return;
    m_workspace.reset();
    updateTitle();
    emit workspaceChanged();
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
        setWindowTitle(QStringLiteral("%1 — SRE Roadmap").arg(QFileInfo(m_workspace->path()).fileName()));
        m_statusWorkspace->setText(QDir::toNativeSeparators(m_workspace->path()));
    } else {
        setWindowFilePath(QString());
        setWindowTitle(tr("SRE Roadmap"));
        m_statusWorkspace->setText(tr("No workspace open"));
    }
}

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    auto *box = new QMessageBox(QMessageBox::Critical, tr("SRE Roadmap"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, does not block the caller
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    event->accept();
}

} // namespace srm
