<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>srm::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>SRE Roadmap &amp;Handbook</source>
        <translation>SRE-Roadmap-&amp;Handbuch</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>srm::report::Html</name>
    <message numerus="yes">
        <source>Metrics unchanged: %n.</source>
        <translation>
            <numerusform>%n Kennzahl unverändert.</numerusform>
            <numerusform>%n Kennzahlen unverändert.</numerusform>
        </translation>
    </message>
</context>
</TS>
