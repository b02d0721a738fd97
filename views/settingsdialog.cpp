#include "views/settingsdialog.h"

#include "views/settingsmodel.h"
#include "views/workspaceeditor.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <functional>

namespace srm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::SettingsDialog", text);
}

const MetricDef *targetMetric(const QString &key)
{
    return key.startsWith(u"target.") ? MetricCatalogue::find(QStringView(key).mid(7)) : nullptr;
}

// Percent text of a stored ratio ("0.5" → "50"), or the stored text itself.
QString shown(const QString &key, const QString &stored)
{
    if (stored.isEmpty() || !settingInPercent(key))
        return stored;
    bool ok = false;
    const double v = stored.toDouble(&ok);
    return ok ? SettingsSchema::formatNumber(v * 100) : stored;
}

} // namespace

bool settingInPercent(const QString &key)
{
    if (key == u"reserved_ratio")
        return true;
    const MetricDef *m = targetMetric(key);
    return m && m->unit == Unit::Ratio;
}

QString settingLabel(const QString &key)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Organisation name")},
        {QStringLiteral("timezone"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Time zone")},
        {QStringLiteral("business_hours_start"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Business hours start")},
        {QStringLiteral("business_hours_end"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Business hours end")},
        {QStringLiteral("team_size"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Team size")},
        {QStringLiteral("capacity_weeks"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Capacity for debt work")},
        {QStringLiteral("reserved_ratio"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Reserved for operations")},
        {QStringLiteral("dora_preset"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "DORA thresholds")},
        {QStringLiteral("quadrant.toil_hours"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Large toil from")},
        {QStringLiteral("quadrant.cost_weeks"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "High cost from")},
        {QStringLiteral("roadmap_start"), QT_TRANSLATE_NOOP("srm::SettingsDialog", "Roadmap starts in")},
    };
    if (const auto it = names.constFind(key); it != names.cend())
        return QCoreApplication::translate("srm::SettingsDialog", *it);
    if (const MetricDef *m = targetMetric(key))
        return QCoreApplication::translate("srm::MetricCatalogue", m->name);
    if (key.startsWith(u"weight."))
        for (Theme t : MetricCatalogue::kThemes)
            if (QStringView(key).mid(7) == MetricCatalogue::themeId(t))
                return MetricCatalogue::themeName(t);
    return key;
}

QString settingUnit(const QString &key)
{
    if (settingInPercent(key))
        return QStringLiteral("%");
    if (const MetricDef *m = targetMetric(key)) {
        switch (m->unit) {
        case Unit::PerDay: return tr("per day");
        case Unit::PerWeek: return tr("per week");
        case Unit::Hours: return tr("hours");
        case Unit::Minutes: return tr("minutes");
        case Unit::Ratio: return QStringLiteral("%");
        }
    }
    if (key.startsWith(u"weight."))
        return tr("× priority");
    if (key == u"team_size")
        return tr("engineers");
    if (key == u"capacity_weeks")
        return tr("engineer-weeks a quarter");
    if (key == u"quadrant.toil_hours")
        return tr("toil hours a week");
    if (key == u"quadrant.cost_weeks")
        return tr("weeks of cost");
    if (key == u"business_hours_start" || key == u"business_hours_end")
        return tr("HH:MM, local time");
    if (key == u"timezone")
        return tr("IANA name, e.g. Europe/Berlin");
    if (key == u"roadmap_start")
        return tr("quarter, e.g. 2027Q1");
    return {};
}

SettingsDialog::SettingsDialog(WorkspaceEditor *editor, QWidget *parent) : QDialog(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Workspace Settings"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildForm(), tr("Settings"));

    auto *raw = new QWidget(m_tabs);
    auto *rawLayout = new QVBoxLayout(raw);
    auto *intro = new QLabel(tr("The same settings by key, as the command line reads and writes them "
                                "(sre-roadmap get / set). Double-click a value to change it; an empty value "
                                "goes back to the default."),
                             raw);
    intro->setWordWrap(true);
    m_model = new SettingsModel(this);
    m_table = new QTableView(raw);
    m_table->setObjectName(QStringLiteral("settingsTable"));
    m_table->setAccessibleName(tr("Workspace settings by key"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    rawLayout->addWidget(intro);
    rawLayout->addWidget(m_table, 1);
    m_tabs->addTab(raw, tr("All Keys"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(760, 640);
    connect(m_model, &SettingsModel::settingEdited, editor,
            [editor](const QString &key, const QString &value) { editor->setSetting(key, value); });
}

SettingsDialog::~SettingsDialog()
{
    // A field losing focus while the dialog is destroyed emits editingFinished; by then `this` is
    // only a QDialog, so commit() must not be reached.
    for (QLineEdit *edit : std::as_const(m_fields))
        edit->disconnect(this);
}

QWidget *SettingsDialog::buildForm()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsForm"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *column = new QVBoxLayout(content);
    auto *note = new QLabel(tr("A value is checked when you leave its field; an empty field goes back to the default "
                               "(shown in grey). Every change can be undone (Edit › Undo)."),
                            content);
    note->setWordWrap(true);
    column->addWidget(note);

    const auto group = [&](const QString &title, const std::function<bool(const QString &)> &take) {
        auto *box = new QGroupBox(title, content);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const SettingSpec &spec : SettingsSchema::all()) {
            if (!take(spec.key))
                continue;
            auto *row = new QWidget(box);
            auto *h = new QHBoxLayout(row);
            h->setContentsMargins(0, 0, 0, 0);
            auto *edit = new QLineEdit(row);
            edit->setObjectName(QStringLiteral("setting_") + QString(spec.key).replace(u'.', u'_'));
            edit->setPlaceholderText(
                spec.defaultValue.isEmpty() ? tr("not set") : tr("default %1").arg(shown(spec.key, spec.defaultValue)));
            edit->setToolTip(spec.description);
            edit->setAccessibleName(settingLabel(spec.key));
            edit->setMaximumWidth(fontMetrics().averageCharWidth() * 28);
            h->addWidget(edit);
            auto *unit = new QLabel(settingUnit(spec.key), row);
            h->addWidget(unit);
            auto *error = new QLabel(row);
            error->setObjectName(edit->objectName() + QStringLiteral("_error"));
            QPalette pal = error->palette();
            pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
            error->setPalette(pal);
            error->setWordWrap(true);
            error->hide();
            h->addWidget(error, 1);
            form->addRow(settingLabel(spec.key), row);
            m_fields.insert(spec.key, edit);
            m_errors.insert(spec.key, error);
            const QString key = spec.key;
            connect(edit, &QLineEdit::editingFinished, this, [this, key] { commit(key); });
        }
        column->addWidget(box);
    };
    group(tr("Organisation"), [](const QString &k) {
        return k == u"name" || k == u"timezone" || k.startsWith(u"business_hours") || k == u"dora_preset";
    });
    group(tr("Team and capacity"),
          [](const QString &k) { return k == u"team_size" || k == u"capacity_weeks" || k == u"reserved_ratio"; });
    group(tr("Targets"), [](const QString &k) { return k.startsWith(u"target."); });
    group(tr("Theme weights (multiply the priority of debt items)"),
          [](const QString &k) { return k.startsWith(u"weight."); });
    group(tr("Debt quadrant and roadmap"),
          [](const QString &k) { return k.startsWith(u"quadrant.") || k == u"roadmap_start"; });
    column->addStretch(1);
    scroll->setWidget(content);
    return scroll;
}

QString SettingsDialog::errorText(const QString &key) const
{
    const QLabel *error = m_errors.value(key);
    return error && !error->isHidden() ? error->text() : QString();
}

bool SettingsDialog::commit(const QString &key)
{
    QLineEdit *edit = m_fields.value(key);
    QLabel *error = m_errors.value(key);
    if (!edit || !error || !m_snapshot)
        return false;
    const QString text = edit->text().trimmed();
    QString value = text;
    QString problem;
    if (!text.isEmpty() && settingInPercent(key)) {
        bool ok = false;
        const double percent = QLocale::c().toDouble(QString(text).remove(u'%').trimmed(), &ok);
        if (!ok || percent < 0 || percent > 100)
            problem = tr("expected a percentage from 0 to 100");
        else
            value = SettingsSchema::formatNumber(percent / 100);
    }
    std::optional<QString> canonical;
    if (problem.isEmpty()) {
        canonical = SettingsSchema::validate(key, value, &problem);
        if (!canonical && settingInPercent(key))
            problem = key == u"reserved_ratio" ? tr("expected a percentage from 0 up to (not including) 100")
                                               : tr("expected a percentage from 0 to 100");
    }
    if (!canonical) {
        // The store's message names the raw key; the form says what it accepts in its own terms.
        const int colon = problem.lastIndexOf(QStringLiteral(": "));
        error->setText(colon >= 0 && !settingInPercent(key) ? problem.mid(colon + 2) : problem);
        error->show();
        edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #b02020; }"));
        return false;
    }
    error->hide();
    edit->setStyleSheet(QString());
    const QString stored = m_snapshot->storedSettings.value(key);
    if (*canonical == stored)
        return true;
    return m_editor->setSetting(key, *canonical);
}

void SettingsDialog::setSnapshot(SnapshotPtr snapshot)
{
    const bool first = m_model->rowCount() == 0;
    m_snapshot = snapshot;
    m_model->setSnapshot(std::move(snapshot));
    if (first)
        m_table->resizeColumnsToContents();
    if (!m_snapshot)
        return;
    // The fields follow the workspace (an undo, the command line), except the one being typed in.
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (it.value()->hasFocus() || !errorText(it.key()).isEmpty())
            continue;
        it.value()->setText(shown(it.key(), m_snapshot->storedSettings.value(it.key())));
    }
}

} // namespace srm
