#include "views/alertruledialog.h"

#include "store/alertrules.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace srm {

AlertRuleDialog::AlertRuleDialog(const QString &exampleTitle, QWidget *parent)
    : QDialog(parent), m_example(exampleTitle)
{
    setObjectName(QStringLiteral("alertRuleDialog"));
    setWindowTitle(tr("Add Normalisation Rule"));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(
        tr("A rule rewrites alert titles after the built-in normalisation (UUIDs, IPs, hex and numbers), "
           "so that pages that differ only in a detail fall into one group. "
           "Perl syntax; \\1 in the replacement names a captured group."),
        this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_pattern = new QLineEdit(this);
    m_pattern->setObjectName(QStringLiteral("pattern"));
    m_pattern->setPlaceholderText(QStringLiteral("frontend-[a-z0-9]+"));
    m_pattern->setAccessibleName(tr("Pattern"));
    m_replacement = new QLineEdit(this);
    m_replacement->setObjectName(QStringLiteral("replacement"));
    m_replacement->setPlaceholderText(QStringLiteral("frontend-<pod>"));
    m_replacement->setAccessibleName(tr("Replacement"));
    form->addRow(tr("&Pattern:"), m_pattern);
    form->addRow(tr("&Replacement:"), m_replacement);
    m_feedback = new QLabel(this);
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::PlainText);
    form->addRow(m_feedback);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Add Rule"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_pattern, &QLineEdit::textChanged, this, &AlertRuleDialog::check);
    connect(m_replacement, &QLineEdit::textChanged, this, &AlertRuleDialog::check);
    resize(560, sizeHint().height());
    check();
}

QString AlertRuleDialog::pattern() const
{
    return m_pattern->text();
}

QString AlertRuleDialog::replacement() const
{
    return m_replacement->text();
}

void AlertRuleDialog::setPattern(const QString &pattern, const QString &replacement)
{
    m_pattern->setText(pattern);
    m_replacement->setText(replacement);
}

void AlertRuleDialog::check()
{
    const QString pattern = m_pattern->text();
    if (pattern.isEmpty()) {
        m_feedback->setText(m_example.isEmpty() ? QString() : tr("Example title: %1").arg(m_example));
        m_ok->setEnabled(false);
        return;
    }
    const QString error = AlertRuleStore::patternError(pattern);
    if (!error.isEmpty()) {
        m_feedback->setText(tr("Not accepted: %1").arg(error)); // invalid, or beyond the match budget
        m_ok->setEnabled(false);
        return;
    }
    m_ok->setEnabled(true);
    if (m_example.isEmpty()) {
        m_feedback->clear();
        return;
    }
    QString after = m_example;
    AlertRuleStore::apply(AlertRuleStore::compile(pattern), m_replacement->text(), after);
    m_feedback->setText(after == m_example ? tr("Does not change the example title: %1").arg(m_example)
                                           : tr("Example: %1\n      → %2").arg(m_example, after));
}

} // namespace srm
