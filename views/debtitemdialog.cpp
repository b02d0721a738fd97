#include "views/debtitemdialog.h"

#include "planning/debt.h"
#include "store/metriccatalogue.h"
#include "views/linkedmetricslist.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>

namespace srm {

namespace {
void selectData(QComboBox *box, const QString &value)
{
    const int i = box->findData(value);
    if (i >= 0) {
        box->setCurrentIndex(i);
    } else if (!value.isEmpty()) {
        box->addItem(value, value);
        box->setCurrentIndex(box->count() - 1);
    }
}
} // namespace

DebtItemDialog::DebtItemDialog(const DebtItem &item, bool isNew, const QStringList &quarters, const GapBasis &gaps,
                               QWidget *parent)
    : QDialog(parent), m_original(item)
{
    setObjectName(QStringLiteral("debtItemDialog"));
    setWindowTitle(isNew ? tr("Add Debt Item") : tr("Edit %1").arg(QString::fromStdString(item.id)));
    auto *form = new QFormLayout(this);

    m_id = new QLineEdit(QString::fromStdString(item.id), this);
    m_id->setObjectName(QStringLiteral("id"));
    m_title = new QLineEdit(QString::fromStdString(item.title), this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setMinimumWidth(420);

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("(none: weight 1)"), QString());
    for (Theme t : MetricCatalogue::kThemes)
        m_theme->addItem(MetricCatalogue::themeName(t), MetricCatalogue::themeId(t));
    selectData(m_theme, MetricCatalogue::themeIdOrEmpty(item.theme));

    m_toil = new QDoubleSpinBox(this);
    m_toil->setRange(0, 168);
    m_toil->setDecimals(1);
    m_toil->setSuffix(tr(" h per week"));
    m_toil->setValue(item.toilHoursPerWeek);
    m_cost = new QDoubleSpinBox(this);
    m_cost->setRange(0, 1000);
    m_cost->setDecimals(1);
    m_cost->setSuffix(tr(" engineer-weeks"));
    m_cost->setValue(item.costWeeks);
    m_likelihood = new QSpinBox(this);
    m_likelihood->setRange(1, 5);
    m_likelihood->setValue(item.riskLikelihood);
    m_impact = new QSpinBox(this);
    m_impact->setRange(1, 5);
    m_impact->setValue(item.riskImpact);

    m_fowler = new QComboBox(this);
    m_fowler->addItem(tr("(not said)"), QString());
    for (FowlerQuadrant f : {FowlerQuadrant::CarelessIntentional, FowlerQuadrant::CarefulIntentional,
                             FowlerQuadrant::CarelessUnintentional, FowlerQuadrant::CarefulUnintentional})
        m_fowler->addItem(QStringLiteral("%1 — “%2”").arg(fowlerName(f), fowlerExample(f)), fowlerId(f));
    selectData(m_fowler, QString::fromStdString(item.fowler));

    QStringList deps;
    for (const std::string &d : item.dependsOn)
        deps << QString::fromStdString(d);
    m_dependsOn = new QLineEdit(deps.join(QStringLiteral("; ")), this);
    m_dependsOn->setObjectName(QStringLiteral("dependsOn"));
    m_dependsOn->setPlaceholderText(tr("ids separated by ';', e.g. OPS-3; OPS-7"));

    m_linkedMetrics = new LinkedMetricsList(gaps, this);
    m_linkedMetrics->setLinked(item.linkedMetrics);
    m_linkedMetrics->setToolTip(tr("Tick the metrics this work improves: a gap in one raises the item's priority"));
    m_linkedMetrics->setMinimumHeight(m_linkedMetrics->fontMetrics().height() * 9);

    m_status = new QComboBox(this);
    // The words as the register writes them (store/records.h); the labels are their translations.
    m_status->addItem(tr("open"), QString::fromLatin1(toString(DebtStatus::Open)));
    m_status->addItem(tr("done"), QString::fromLatin1(toString(DebtStatus::Done)));
    selectData(m_status, QString::fromLatin1(toString(item.status)));

    m_pinned = new QComboBox(this);
    m_pinned->setObjectName(QStringLiteral("pinned"));
    m_pinned->addItem(tr("(not pinned: the scheduler decides)"), QString());
    for (const QString &q : quarters)
        m_pinned->addItem(q, q);
    selectData(m_pinned, QString::fromStdString(item.pinnedQuarter));

    m_notes = new QPlainTextEdit(QString::fromStdString(item.notes), this);
    m_notes->setMaximumHeight(90);

    form->addRow(tr("&ID:"), m_id);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("T&heme:"), m_theme);
    form->addRow(tr("T&oil:"), m_toil);
    form->addRow(tr("&Cost:"), m_cost);
    form->addRow(tr("Risk &likelihood (1–5):"), m_likelihood);
    form->addRow(tr("Risk &impact (1–5):"), m_impact);
    form->addRow(tr("&Fowler quadrant:"), m_fowler);
    form->addRow(tr("&Depends on:"), m_dependsOn);
    form->addRow(tr("Linked &metrics:"), m_linkedMetrics);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Pinned to:"), m_pinned);
    form->addRow(tr("&Notes:"), m_notes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

DebtItem DebtItemDialog::item() const
{
    DebtItem d = m_original;
    d.id = m_id->text().trimmed().toStdString();
    d.title = m_title->text().trimmed().toStdString();
    d.theme = MetricCatalogue::themeFromId(m_theme->currentData().toString()); // "(none)" holds "": nullopt
    d.toilHoursPerWeek = m_toil->value();
    d.costWeeks = m_cost->value();
    d.riskLikelihood = m_likelihood->value();
    d.riskImpact = m_impact->value();
    d.fowler = m_fowler->currentData().toString().toStdString();
    d.dependsOn.clear();
    for (const QString &dep :
         m_dependsOn->text().split(QRegularExpression(QStringLiteral("[;,\\s]+")), Qt::SkipEmptyParts))
        d.dependsOn.push_back(dep.toStdString());
    d.linkedMetrics = m_linkedMetrics->linked();
    d.status = debtStatusFromText(m_status->currentData().toString().toStdString()).value_or(DebtStatus::Open);
    d.pinnedQuarter = m_pinned->currentData().toString().toStdString();
    d.notes = m_notes->toPlainText().toStdString();
    return d;
}

} // namespace srm
