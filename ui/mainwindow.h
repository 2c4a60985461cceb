#pragma once

#include <QMainWindow>

namespace nsqui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace nsqui
