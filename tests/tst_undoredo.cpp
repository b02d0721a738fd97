// Every kind of edit in the window — a target, a setting (stored before, and never stored), a
// debt item added, edited and deleted, dependencies, linked metrics, a pin, an alert rule and a
// merge, a scenario saved, renamed and deleted — goes
// through the main window's QUndoStack; after the edit, its undo and its redo the workspace's
// tables are compared with what they were (the whole rows: positions, import ids, rule ids).
// Built twice: offscreen, and in a real X server (tst_undoredo_x11), where Undo and Redo are
// also pressed as keyboard shortcuts.
#include "app/mainwindow.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/alertsview.h"
#include "views/datasourcespanel.h"
#include "views/debtmodel.h"
#include "views/debtview.h"
#include "views/gapsmodel.h"
#include "views/gapsview.h"
#include "views/importdialog.h"
#include "views/roadmapview.h"
#include "views/settingsdialog.h"
#include "views/settingsmodel.h"
#include "views/workspaceeditor.h"

#include <QAction>
#include <QDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>

using namespace srm;
using namespace srm::test;

namespace {

// The rows of the tables the window edits, as text, in key order.
QStringList tableRows(const QString &path)
{
    auto ws = Workspace::open(path);
    QStringList out;
    const QString queries[] = {
        QStringLiteral("SELECT 'settings', * FROM settings ORDER BY key"),
        QStringLiteral("SELECT 'debt', * FROM debt_items ORDER BY id"),
        QStringLiteral("SELECT 'dep', * FROM debt_dependencies ORDER BY item_id, depends_on"),
        QStringLiteral("SELECT 'rule', * FROM alert_rules ORDER BY id"),
        QStringLiteral("SELECT 'merge', * FROM alert_merges ORDER BY from_key"),
        QStringLiteral("SELECT 'scenario', * FROM scenarios ORDER BY name"),
    };
    for (const QString &sql : queries) {
        QSqlQuery q(ws->database());
        if (!q.exec(sql))
            qFatal("query failed");
        while (q.next()) {
            QStringList cells;
            for (int i = 0; i < q.record().count(); ++i)
                cells << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out << cells.join(u'|');
        }
    }
    return out;
}

QStringList onlyIn(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &row : a)
        if (!b.contains(row))
            out << row;
    return out;
}

} // namespace

class TstUndoRedo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo; // written once, copied for each case
    QString m_path;
    std::unique_ptr<MainWindow> m_window;

    void undo()
    {
        m_window->findChild<QAction *>(QStringLiteral("undo"))->trigger();
        m_window->waitForRefresh();
    }
    void redo()
    {
        m_window->findChild<QAction *>(QStringLiteral("redo"))->trigger();
        m_window->waitForRefresh();
    }
    DebtModel *debtModel()
    {
        m_window->showView(ViewId::Debt);
        auto *view = static_cast<DebtView *>(m_window->viewPage(ViewId::Debt));
        view->applyPending();
        return view->model();
    }
    QModelIndex debtCell(const QString &id, int column)
    {
        DebtModel *model = debtModel();
        return model->index(model->rowOf(id), column);
    }

private slots:
    void initTestCase()
    {
        m_demo = m_dir.filePath(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_demo}).exitCode, 0);
    }

    void init()
    {
        m_path = m_dir.filePath(
            QStringLiteral("undo-%1-%2.srmap")
                .arg(QLatin1StringView(QTest::currentTestFunction()), QLatin1StringView(QTest::currentDataTag())));
        QFile::remove(m_path);
        QVERIFY(QFile::copy(m_demo, m_path));
        m_window = std::make_unique<MainWindow>();
        m_window->setRemembersFiles(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openWorkspace(m_path));
        m_window->waitForRefresh();
    }

    void cleanup() { m_window.reset(); }

    void editUndoRedo_data()
    {
        QTest::addColumn<int>("edit");
        const char *names[] = {"target",          "setting",
                               "unset-setting",   "debt-add",
                               "debt-edit",       "debt-delete",
                               "dependencies",    "pin",
                               "alert-rule",      "merge",
                               "remove-rule",     "unmerge",
                               "linked-metrics",  "linked-metrics-list",
                               "scenario-new",    "scenario-replace",
                               "scenario-rename", "scenario-delete",
                               "debt-theme",      "debt-status"};
        for (int i = 0; i < int(std::size(names)); ++i)
            QTest::newRow(names[i]) << i;
    }

    void editUndoRedo()
    {
        QFETCH(int, edit);
        WorkspaceEditor *editor = m_window->editor();
        QUndoStack *stack = m_window->undoStack();
        const QStringList before = tableRows(m_path);
        QCOMPARE(stack->count(), 0);

        // The edit, made the way the user makes it, and the rows it must change.
        QStringList added, removed;
        switch (edit) {
        case 0: { // target: in place in the gaps table, in the unit shown (minutes)
            m_window->showView(ViewId::Gaps);
            auto *gaps = static_cast<GapsView *>(m_window->viewPage(ViewId::Gaps));
            gaps->applyPending();
            GapsModel *model = gaps->model();
            const QModelIndex detection = model->index(1, 0);
            QVERIFY(model->setData(model->index(0, GapsModel::Target, detection), 10.0));
            added << QStringLiteral("settings|target.time_to_detect|10");
            break;
        }
        case 1: { // a stored setting, through the settings dialog
            SettingsModel *model = m_window->settingsDialog()->model();
            QVERIFY(model->setData(model->index(model->rowOf(QStringLiteral("team_size")), SettingsModel::Value),
                                   QStringLiteral("8")));
            added << QStringLiteral("settings|team_size|8");
            removed << QStringLiteral("settings|team_size|4");
            break;
        }
        case 2: // a setting that was never stored: undo must remove it again
            QVERIFY(editor->setSetting(QStringLiteral("capacity_weeks"), QStringLiteral("30")));
            added << QStringLiteral("settings|capacity_weeks|30");
            break;
        case 3: {
            DebtItem item;
            item.id = "OPS-22";
            item.title = "Alert on certificate expiry";
            item.theme = Theme::Detection;
            item.toilHoursPerWeek = 1.5;
            item.costWeeks = 2;
            item.dependsOn = {"OPS-6"};
            QVERIFY(editor->addDebtItem(item));
            added << QStringLiteral("debt|OPS-22|22|Alert on certificate expiry|detection|1.5|2|1|1|||open|||NULL")
                  << QStringLiteral("dep|OPS-22|OPS-6|1");
            break;
        }
        case 4: // edit in place: the title of OPS-3
            QVERIFY(debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Title),
                                         QStringLiteral("Trunk-based development")));
            break;
        case 5: // delete OPS-6, which OPS-19 depends on
            QVERIFY(editor->removeDebtItem(QStringLiteral("OPS-6")));
            break;
        case 6:
            QVERIFY(debtModel()->setData(debtCell(QStringLiteral("OPS-7"), DebtModel::DependsOn),
                                         QStringLiteral("OPS-5; OPS-2")));
            added << QStringLiteral("dep|OPS-7|OPS-5|1") << QStringLiteral("dep|OPS-7|OPS-2|2");
            break;
        case 7:
            QVERIFY(
                debtModel()->setData(debtCell(QStringLiteral("OPS-10"), DebtModel::Pinned), QStringLiteral("2027q4")));
            break;
        case 8:
            QVERIFY(
                editor->addAlertRule(QStringLiteral("checkoutservice-\\w+"), QStringLiteral("checkoutservice-<pod>")));
            added << QStringLiteral("rule|2|2|checkoutservice-\\w+|checkoutservice-<pod>");
            break;
        case 9: {
            const AlertReport &alerts = m_window->snapshot()->analysis.alerts;
            QVERIFY(editor->mergeAlertGroups({alerts.groups[1].key, alerts.groups[4].key, alerts.groups[7].key},
                                             alerts.groups[1].key));
            added << QStringLiteral("merge|%1|%2").arg(alerts.groups[4].key, alerts.groups[1].key)
                  << QStringLiteral("merge|%1|%2").arg(alerts.groups[7].key, alerts.groups[1].key);
            break;
        }
        case 10: { // the demo's rule, removed in the alerts view's Rules and Merges dialog
            m_window->showView(ViewId::Alerts);
            auto *alerts = static_cast<AlertsView *>(m_window->viewPage(ViewId::Alerts));
            QTimer::singleShot(0, alerts, [alerts] {
                auto *dialog = alerts->findChild<QDialog *>(QStringLiteral("rulesDialog"));
                auto *list = dialog ? dialog->findChild<QListWidget *>(QStringLiteral("ruleList")) : nullptr;
                auto *remove = dialog ? dialog->findChild<QPushButton *>(QStringLiteral("ruleListRemove")) : nullptr;
                if (list && remove && list->count() == 1) {
                    list->setCurrentRow(0);
                    remove->click();
                }
                if (dialog)
                    dialog->reject();
            });
            alerts->manageRules();
            removed << QStringLiteral("rule|1|1|Pod (\\S+)-<hex>-\\S+|Pod \\1-<pod>");
            break;
        }
        case 11: {
            const QList<AlertMerge> merges = m_window->snapshot()->alertMerges;
            QCOMPARE(merges.size(), 1);
            QVERIFY(editor->removeAlertMerge(merges.first()));
            removed << QStringLiteral("merge|%1|%2").arg(merges.first().fromKey, merges.first().intoKey);
            break;
        }
        case 12: // in place, typed as ids in any order: stored in catalogue order
            QVERIFY(debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Linked),
                                         QStringLiteral("time_to_restore; lead_time_for_changes")));
            break;
        case 13: // ticked in the debt view's list: OPS-21 was linked to nothing
            QVERIFY(
                editor->setLinkedMetrics(QStringLiteral("OPS-21"), std::vector<MetricId>{MetricId::ChangeFailureRate}));
            break;
        case 14:
            QVERIFY(editor->saveScenario(QStringLiteral("Stricter restore"),
                                         {{QStringLiteral("target.time_to_restore"), QStringLiteral("0.5")}}));
            added << QStringLiteral("scenario|Stricter restore|{\"target.time_to_restore\":\"0.5\"}|2");
            break;
        case 15: // the demo's "+1 engineer" saved again with another team size: replaced in place
            QVERIFY(editor->saveScenario(QStringLiteral("+1 engineer"),
                                         {{QStringLiteral("team_size"), QStringLiteral("6")}}));
            added << QStringLiteral("scenario|+1 engineer|{\"team_size\":\"6\"}|1");
            removed << QStringLiteral("scenario|+1 engineer|{\"team_size\":\"5\"}|1");
            break;
        case 16:
            QVERIFY(editor->saveScenario(QStringLiteral("One more engineer"),
                                         {{QStringLiteral("team_size"), QStringLiteral("5")}},
                                         QStringLiteral("+1 engineer")));
            added << QStringLiteral("scenario|One more engineer|{\"team_size\":\"5\"}|1");
            removed << QStringLiteral("scenario|+1 engineer|{\"team_size\":\"5\"}|1");
            break;
        case 17:
            QVERIFY(editor->deleteScenario(QStringLiteral("+1 engineer")));
            removed << QStringLiteral("scenario|+1 engineer|{\"team_size\":\"5\"}|1");
            break;
        case 18: // typed in place in any case, stored as the theme's id
            QVERIFY(debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Theme),
                                         QStringLiteral(" Incident ")));
            break;
        case 19:
            QVERIFY(debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Status), QStringLiteral("DONE")));
            break;
        }
        m_window->waitForRefresh();
        QCOMPARE(stack->count(), 1);
        QVERIFY(stack->canUndo());
        QVERIFY(!stack->undoText().isEmpty());
        const QStringList after = tableRows(m_path);
        QVERIFY(after != before);
        for (const QString &row : added)
            QVERIFY2(after.contains(row),
                     qPrintable(row + QStringLiteral("\nnew rows: ") + onlyIn(after, before).join(u'\n')));
        for (const QString &row : removed)
            QVERIFY2(before.contains(row) && !after.contains(row), qPrintable(row));

        // What the edit changed, checked by hand for the kinds without listed rows.
        switch (edit) {
        case 4:
            QCOMPARE(onlyIn(after, before).size(), 1);
            QVERIFY(onlyIn(after, before)
                        .first()
                        .startsWith(QStringLiteral("debt|OPS-3|3|Trunk-based development|change|")));
            break;
        case 5:
            QCOMPARE(onlyIn(after, before), QStringList());
            for (const QString &row : onlyIn(before, after))
                QVERIFY2(row.startsWith(QStringLiteral("debt|OPS-6|")) || row.startsWith(QStringLiteral("dep|OPS-6|"))
                             || row.contains(QStringLiteral("|OPS-6|")),
                         qPrintable(row));
            QVERIFY(onlyIn(before, after).size() >= 2); // the item and at least one reference to it
            break;
        case 7: {
            const QStringList changed = onlyIn(after, before);
            QCOMPARE(changed.size(), 1);
            QVERIFY(changed.first().startsWith(QStringLiteral("debt|OPS-10|")));
            QVERIFY(changed.first().contains(QStringLiteral("|2027Q4|")));
            // The roadmap shows the pin.
            const PlannedItem *p = m_window->snapshot()->plan->find("OPS-10");
            QVERIFY(p && p->pinned);
            QCOMPARE(formatQuarter(*p->quarter), QStringLiteral("2027Q4"));
            break;
        }
        case 12:
        case 13: {
            const QStringList changed = onlyIn(after, before);
            QCOMPARE(changed.size(), 1);
            const QString expected = edit == 12 ? QStringLiteral("|lead_time_for_changes;time_to_restore|")
                                                : QStringLiteral("|change_failure_rate|");
            QVERIFY2(
                changed.first().startsWith(edit == 12 ? QStringLiteral("debt|OPS-3|") : QStringLiteral("debt|OPS-21|"))
                    && changed.first().contains(expected),
                qPrintable(changed.first()));
            // The next snapshot ranks it with its gap factor: OPS-21 (toil 1, cost 3, risk 4 × 5:
            // value 13 + 160 = 173, 120 h) linked to change failure rate, whose gap in the demo is
            // more than its target allows (× 1 + gap ÷ 0.05).
            if (edit == 13) {
                const DebtAssessment *a = m_window->snapshot()->findAssessment(QStringLiteral("OPS-21"));
                const MetricStanding &cfr = m_window->snapshot()->gaps.at(MetricId::ChangeFailureRate);
                QCOMPARE(a->gap.factor, 1 + std::min(1.0, *cfr.gap / 0.05));
                QCOMPARE(a->priority, 173.0 / 120.0 * 1.0 * a->gap.factor);
            }
            break;
        }
        case 18:
        case 19: {
            const QStringList changed = onlyIn(after, before);
            QCOMPARE(changed.size(), 1);
            // debt|id|position|title|theme|toil|cost|likelihood|impact|fowler|linked|status|...
            const QStringList fields = changed.first().split(u'|');
            QCOMPARE(fields.value(1), QStringLiteral("OPS-3"));
            QCOMPARE(fields.value(4), edit == 18 ? QStringLiteral("incident") : QStringLiteral("change"));
            QCOMPARE(fields.value(11), edit == 19 ? QStringLiteral("done") : QStringLiteral("open"));
            QCOMPARE(debtCell(QStringLiteral("OPS-3"), DebtModel::Theme).data().toString(),
                     edit == 18 ? QStringLiteral("incident") : QStringLiteral("change"));
            QCOMPARE(debtCell(QStringLiteral("OPS-3"), DebtModel::Status).data().toString(),
                     edit == 19 ? QStringLiteral("done") : QStringLiteral("open"));
            break;
        }
        case 14: {
            const ScenarioPlan *sp = m_window->snapshot()->findScenario(QStringLiteral("Stricter restore"));
            QVERIFY(sp && sp->plan);
            break;
        }
        default: break;
        }
        if (edit == 0) {
            // The next snapshot shows the new target.
            const MetricResult *m = &m_window->snapshot()->analysis.metrics.at(MetricId::TimeToDetect);
            QCOMPARE(m->target, 10.0);
        }

        undo();
        QCOMPARE(tableRows(m_path), before);
        QVERIFY(stack->canRedo());
        redo();
        QCOMPARE(tableRows(m_path), after);
        undo();
        QCOMPARE(tableRows(m_path), before);
        if (edit == 0)
            QCOMPARE(m_window->snapshot()->analysis.metrics.at(MetricId::TimeToDetect).target, 5.0);
    }

    // A linked metric that is not in the catalogue is refused, naming the valid ids; a scenario
    // with a bad override or a taken name is refused too.
    void refusedLinksAndScenarios_data()
    {
        QTest::addColumn<int>("unused");
        QTest::newRow("refused") << 0;
    }

    void refusedLinksAndScenarios()
    {
        const QStringList before = tableRows(m_path);
        QVERIFY(!debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Linked),
                                      QStringLiteral("lead_time_for_changes; mttr"))
                || !m_window->editor()->lastError().isEmpty());
        QVERIFY2(m_window->editor()->lastError().contains(
                     QStringLiteral("'mttr' is not a metric of the catalogue; valid ids: "
                                    "deployment_frequency")),
                 qPrintable(m_window->editor()->lastError()));
        QVERIFY(!m_window->editor()->saveScenario(QStringLiteral("x"),
                                                  {{QStringLiteral("timezone"), QStringLiteral("UTC")}}));
        QVERIFY(m_window->editor()->lastError().contains(QStringLiteral("cannot be overridden")));
        QVERIFY(!m_window->editor()->saveScenario(QStringLiteral("x"),
                                                  {{QStringLiteral("team_size"), QStringLiteral("0")}}));
        QVERIFY(!m_window->editor()->saveScenario(QStringLiteral("+1 engineer"),
                                                  {{QStringLiteral("team_size"), QStringLiteral("7")}},
                                                  QStringLiteral("missing")));
        QVERIFY(!m_window->editor()->deleteScenario(QStringLiteral("missing")));
        // A theme or status that is not one of its words, typed in place: the store's words.
        QVERIFY(!debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Theme), QStringLiteral("Security")));
        QCOMPARE(m_window->editor()->lastError(),
                 QStringLiteral("debt item OPS-3: theme 'security' is not one of change, detection, incident, "
                                "improvement (or empty)"));
        QVERIFY(!debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Status), QStringLiteral("closed")));
        QCOMPARE(m_window->editor()->lastError(),
                 QStringLiteral("debt item OPS-3: status 'closed' is not open or done"));
        // The text it already has, in another case: nothing to do.
        QVERIFY(!debtModel()->setData(debtCell(QStringLiteral("OPS-3"), DebtModel::Theme), QStringLiteral("CHANGE")));
        QCOMPARE(m_window->undoStack()->count(), 0);
        QCOMPARE(tableRows(m_path), before);
        for (QMessageBox *b : m_window->findChildren<QMessageBox *>())
            b->close();
    }

    // A value the store refuses changes nothing and leaves nothing to undo.
    void refusedEditIsNotPushed_data()
    {
        QTest::addColumn<int>("unused");
        QTest::newRow("refused") << 0;
    }

    void refusedEditIsNotPushed()
    {
        const QStringList before = tableRows(m_path);
        QVERIFY(!m_window->editor()->setSetting(QStringLiteral("team_size"), QStringLiteral("-3")));
        QVERIFY(!m_window->editor()->lastError().isEmpty());
        DebtItem duplicate;
        duplicate.id = "OPS-1";
        duplicate.title = "again";
        QVERIFY(!m_window->editor()->addDebtItem(duplicate));
        QCOMPARE(m_window->undoStack()->count(), 0);
        QCOMPARE(tableRows(m_path), before);
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorDialog"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("The change was not made")));
        for (QMessageBox *b : m_window->findChildren<QMessageBox *>())
            b->close();
    }

    // An import, and a removed import, clear the undo stack (docs/decisions.md (Undo)): an Undo
    // afterwards cannot write back a value captured before the import. The pin of OPS-3 is
    // edited to 2027Q2 (undoable), then a debt file pins it to 2027Q4; Undo must leave 2027Q4
    // (or, once that import is removed, leave OPS-3 removed).
    void undoAfterImport_data()
    {
        QTest::addColumn<bool>("removeAfterwards");
        QTest::newRow("import") << false;
        QTest::newRow("removed import") << true;
    }

    void undoAfterImport()
    {
        QFETCH(bool, removeAfterwards);
        auto pinOf = [this] {
            auto ws = Workspace::open(m_path);
            QSqlQuery q(ws->database());
            q.exec(QStringLiteral("SELECT pinned_quarter FROM debt_items WHERE id = 'OPS-3'"));
            return q.next() ? q.value(0).toString() : QStringLiteral("(no OPS-3)");
        };
        QVERIFY(m_window->editor()->setPinnedQuarter(QStringLiteral("OPS-3"), QStringLiteral("2027Q2")));
        m_window->waitForRefresh();
        QCOMPARE(pinOf(), QStringLiteral("2027Q2"));
        QVERIFY(m_window->undoStack()->canUndo());

        const QString csv = m_dir.filePath(
            QStringLiteral("pin-%1.csv").arg(QLatin1StringView(QTest::currentDataTag())));
        writeFile(csv,
                  "id,title,toil_hours_per_week,cost_weeks,pinned_quarter\n"
                  "OPS-3,Smaller pull requests (imported),2,8,2027Q4\n");
        ImportDialog *dialog = m_window->importFiles({csv});
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &ImportDialog::importFinished);
        dialog->startImport();
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(0).toBool()); // committed
        m_window->waitForRefresh();
        dialog->close();
        QCOMPARE(pinOf(), QStringLiteral("2027Q4"));
        QCOMPARE(m_window->undoStack()->count(), 0);
        QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("undo"))->isEnabled());

        QString expected = QStringLiteral("2027Q4");
        if (removeAfterwards) {
            DataSourcesPanel *panel = m_window->dataSourcesPanel();
            const int last = panel->model()->rowCount() - 1;
            QCOMPARE(panel->model()->index(last, ImportLogModel::FileColumn).data().toString(),
                     QFileInfo(csv).fileName());
            // Something undoable again, then the removal (which runs off the GUI thread).
            QVERIFY(m_window->editor()->setSetting(QStringLiteral("team_size"), QStringLiteral("9")));
            QVERIFY(m_window->undoStack()->canUndo());
            QVERIFY(
                panel->removeImport(panel->model()->index(last, 0).data(ImportLogModel::IdRole).toLongLong(), false));
            m_window->waitForRefresh();
            QCOMPARE(m_window->undoStack()->count(), 0);
            expected = QStringLiteral("(no OPS-3)"); // the import wrote OPS-3 last: removed with it
            QCOMPARE(pinOf(), expected);
        }
        const QStringList before = tableRows(m_path);
        m_window->undoStack()->undo(); // nothing to undo: a no-op
        undo();
        m_window->waitForRefresh();
        QCOMPARE(pinOf(), expected);
        QCOMPARE(tableRows(m_path), before);
    }

    // Ctrl+Z and Ctrl+Shift+Z (the platform's Undo and Redo keys) work on the window.
    void undoRedoShortcuts_data()
    {
        QTest::addColumn<int>("unused");
        QTest::newRow("keys") << 0;
    }

    void undoRedoShortcuts()
    {
        const QStringList before = tableRows(m_path);
        QVERIFY(m_window->editor()->setPinnedQuarter(QStringLiteral("OPS-3"), QStringLiteral("2027Q2")));
        m_window->waitForRefresh();
        const QStringList after = tableRows(m_path);
        QVERIFY(after != before);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keySequence(m_window.get(), QKeySequence::Undo);
        m_window->waitForRefresh();
        QCOMPARE(tableRows(m_path), before);
        QTest::keySequence(m_window.get(), QKeySequence::Redo);
        m_window->waitForRefresh();
        QCOMPARE(tableRows(m_path), after);
        // Closing the workspace empties the stack (its commands wrote to that file).
        m_window->closeWorkspace();
        QCOMPARE(m_window->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TstUndoRedo)
#include "tst_undoredo.moc"
