// Asks for a user normalisation rule of alert titles (docs/slos-and-alerts.md#alert-groups): a
// regular expression and its replacement, checked as it is typed (AlertRuleStore::patternError) and
// tried on an example title (the selected group's) so the user sees what the rule does before
// adding it.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace srm {

class AlertRuleDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AlertRuleDialog(const QString &exampleTitle, QWidget *parent = nullptr);

    QString pattern() const;
    QString replacement() const;
    void setPattern(const QString &pattern, const QString &replacement);

private:
    void check();

    QString m_example;
    QLineEdit *m_pattern;
    QLineEdit *m_replacement;
    QLabel *m_feedback;
    QPushButton *m_ok;
};

} // namespace srm
