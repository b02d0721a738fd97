// Adds or edits one operational debt item (docs/debt-and-roadmap.md): every column of the debt CSV as a form.
// The store validates what is saved (DebtStore::validate); the dialog only offers the valid
// vocabularies and ranges.
#pragma once

#include "planning/gapfactor.h"
#include "store/records.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace srm {

class DebtItemDialog : public QDialog
{
    Q_OBJECT

public:
    // `quarters`: the choices for the pin (the plan's quarters); `gaps`: where each metric stands,
    // shown in the list of linked metrics.
    DebtItemDialog(const DebtItem &item, bool isNew, const QStringList &quarters, const GapBasis &gaps = {},
                   QWidget *parent = nullptr);

    DebtItem item() const;

private:
    DebtItem m_original;
    QLineEdit *m_id;
    QLineEdit *m_title;
    QComboBox *m_theme;
    QDoubleSpinBox *m_toil;
    QDoubleSpinBox *m_cost;
    QSpinBox *m_likelihood;
    QSpinBox *m_impact;
    QComboBox *m_fowler;
    QLineEdit *m_dependsOn;
    class LinkedMetricsList *m_linkedMetrics;
    QComboBox *m_status;
    QComboBox *m_pinned;
    QPlainTextEdit *m_notes;
};

} // namespace srm
