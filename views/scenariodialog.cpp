#include "views/scenariodialog.h"

#include "store/workspace.h"
#include "views/charts/chartstyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace srm {

namespace {

// Every key a scenario may override, in the order a lead thinks of them.
QStringList overridableKeys()
{
    QStringList keys{QStringLiteral("team_size"), QStringLiteral("capacity_weeks"), QStringLiteral("reserved_ratio"),
                     QStringLiteral("roadmap_start")};
    for (const QString &theme : MetricCatalogue::themeIds())
        keys << QStringLiteral("weight.") + theme;
    keys << QStringLiteral("quadrant.toil_hours") << QStringLiteral("quadrant.cost_weeks");
    for (const QString &metric : MetricCatalogue::ids())
        keys << QStringLiteral("target.") + metric;
    return keys;
}

} // namespace

ScenarioDialog::ScenarioDialog(const Scenario &scenario, const QHash<QString, QString> &stored, QWidget *parent)
    : QDialog(parent), m_stored(stored)
{
    setObjectName(QStringLiteral("scenarioDialog"));
    setWindowTitle(scenario.name.isEmpty() ? tr("New Scenario") : tr("Edit Scenario %1").arg(scenario.name));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A scenario plans the roadmap with some settings changed — one more engineer, a "
                                "stricter target, another start — and the roadmap view compares it with the "
                                "baseline. Nothing else changes."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(scenario.name, this);
    m_name->setObjectName(QStringLiteral("scenarioName"));
    m_name->setPlaceholderText(tr("e.g. +1 engineer"));
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);

    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("overrides"));
    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("Value"), tr("Baseline")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 1);

    auto *rowButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Override"), this);
    add->setObjectName(QStringLiteral("addOverride"));
    auto *remove = new QPushButton(tr("&Remove Override"), this);
    remove->setObjectName(QStringLiteral("removeOverride"));
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    layout->addLayout(rowButtons);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("scenarioError"));
    m_error->setWordWrap(true);
    QPalette bad = m_error->palette();
    const bool dark = bad.color(QPalette::Window).lightness() < 128;
    bad.setColor(QPalette::WindowText, (dark ? charts::ChartStyle::dark() : charts::ChartStyle::light()).bad);
    m_error->setPalette(bad);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ScenarioDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            m_table->removeRow(row);
    });

    for (auto it = scenario.overrides.cbegin(); it != scenario.overrides.cend(); ++it)
        addRow(it.key(), it.value());
    if (scenario.overrides.isEmpty()) {
        // The question a planning review asks first: what would one more engineer buy us?
        const int team = m_stored.value(QStringLiteral("team_size")).toInt();
        addRow(QStringLiteral("team_size"), team > 0 ? QString::number(team + 1) : QString());
    }
    resize(620, 420);
}

void ScenarioDialog::addRow(const QString &key, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *keys = new QComboBox(m_table);
    keys->addItems(overridableKeys());
    if (!key.isEmpty())
        keys->setCurrentText(key);
    auto *edit = new QLineEdit(value, m_table);
    m_table->setCellWidget(row, 0, keys);
    m_table->setCellWidget(row, 1, edit);
    m_table->setItem(row, 2, new QTableWidgetItem);
    m_table->item(row, 2)->setFlags(Qt::ItemIsEnabled);
    connect(keys, &QComboBox::currentTextChanged, this, [this, keys] {
        for (int r = 0; r < m_table->rowCount(); ++r)
            if (m_table->cellWidget(r, 0) == keys)
                updateHint(r);
    });
    updateHint(row);
    m_table->setCurrentCell(row, 1);
}

void ScenarioDialog::updateHint(int row)
{
    const QString key = static_cast<QComboBox *>(m_table->cellWidget(row, 0))->currentText();
    const SettingSpec *spec = SettingsSchema::find(key);
    const QString stored = m_stored.value(key);
    const QString baseline = !stored.isEmpty()  ? stored
        : spec && !spec->defaultValue.isEmpty() ? spec->defaultValue
                                                : tr("not set");
    m_table->item(row, 2)->setText(baseline);
    auto *edit = static_cast<QLineEdit *>(m_table->cellWidget(row, 1));
    edit->setPlaceholderText(spec ? SettingsSchema::typeDescription(spec->type) : QString());
    edit->setToolTip(spec ? spec->description : QString());
}

void ScenarioDialog::setOverride(int row, const QString &key, const QString &value)
{
    while (m_table->rowCount() <= row)
        addRow();
    static_cast<QComboBox *>(m_table->cellWidget(row, 0))->setCurrentText(key);
    static_cast<QLineEdit *>(m_table->cellWidget(row, 1))->setText(value);
}

int ScenarioDialog::overrideRows() const
{
    return m_table->rowCount();
}

QString ScenarioDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString ScenarioDialog::name() const
{
    return m_name->text().trimmed();
}

SettingOverrides ScenarioDialog::collect() const
{
    ScenarioStore::validateName(name());
    SettingOverrides out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString key = static_cast<QComboBox *>(m_table->cellWidget(r, 0))->currentText();
        const QString value = static_cast<QLineEdit *>(m_table->cellWidget(r, 1))->text();
        if (out.contains(key))
            throw InputError(tr("%1 is overridden twice.").arg(key));
        out.insert(key, WhatIf::validate(key, value));
    }
    if (out.isEmpty())
        throw InputError(tr("A scenario needs at least one override."));
    return out;
}

SettingOverrides ScenarioDialog::overrides() const
{
    try {
        return collect();
    } catch (const InputError &) {
        return {};
    }
}

void ScenarioDialog::accept()
{
    try {
        collect();
    } catch (const InputError &e) {
        m_error->setText(e.message());
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace srm
