// Adds or edits one operational debt item (SPEC 7): every column of the debt CSV as a form.
// The store validates what is saved (DebtStore::validate); the dialog only offers the valid
// vocabularies and ranges.
#pragma once

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
    // `quarters`: the choices for the pin (the plan's quarters).
    DebtItemDialog(const DebtItem &item, bool isNew, const QStringList &quarters, QWidget *parent = nullptr);

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
    QComboBox *m_linkedMetric;
    QComboBox *m_status;
    QComboBox *m_pinned;
    QPlainTextEdit *m_notes;
};

} // namespace srm
