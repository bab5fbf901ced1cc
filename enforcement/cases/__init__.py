"""Administrative-penalty cases (行政处罚案件) and the three enforcement systems.

Under the Administrative Penalty Law 2021: the case register, its dated
events and statutory periods, the files of the full-process record (全过程记录),
legal review (法制审核) and the public disclosure page (公示).
"""
