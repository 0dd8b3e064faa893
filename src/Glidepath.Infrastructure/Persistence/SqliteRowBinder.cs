using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Compiles, once per entity type of a model, the code that binds one row's columns to a
/// <see cref="SqliteRowInsert"/>: for each stored property, read it with its typed member access,
/// apply the property's value converter (the same expression EF applies: currency codes, enums,
/// JSON, encryption), and call the Bind method of the provider type. Null values bind NULL, as EF
/// does (converters never see nulls). Column i is parameter i + 1 of the INSERT.
/// </summary>
internal static class SqliteRowBinder
{
    private static readonly ConditionalWeakTable<IEntityType, Action<SqliteRowInsert, object>> Compiled = [];

    /// <summary>The stored columns, in parameter order: shadow properties (surrogate keys) are left to the database.</summary>
    public static IReadOnlyList<IProperty> Columns(IEntityType entityType) =>
        entityType.GetProperties().Where(p => !p.IsShadowProperty()).ToList();

    public static Action<SqliteRowInsert, object> For(IEntityType entityType) =>
        Compiled.GetValue(entityType, _ => Compile(entityType.ClrType, Columns(entityType)));

    private static Action<SqliteRowInsert, object> Compile(Type clrType, IReadOnlyList<IProperty> columns)
    {
        var insert = Expression.Parameter(typeof(SqliteRowInsert), "insert");
        var row = Expression.Parameter(typeof(object), "row");
        var typed = Expression.Variable(clrType, "typed");
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(row, clrType)) };
        for (var i = 0; i < columns.Count; i++)
        {
            body.Add(BindColumn(insert, typed, columns[i], i + 1));
        }

        var lambda = Expression.Lambda<Action<SqliteRowInsert, object>>(Expression.Block([typed], body), insert, row);
        return lambda.Compile();
    }

    private static Expression BindColumn(ParameterExpression insert, ParameterExpression row, IProperty property, int index)
    {
        var member = property.GetMemberInfo(forMaterialization: false, forSet: false);
        Expression value = Expression.MakeMemberAccess(row, member);
        var bindNull = Expression.Call(insert, nameof(SqliteRowInsert.BindNull), null, Expression.Constant(index));
        Expression? hasValue = null;
        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            hasValue = Expression.Property(value, nameof(Nullable<int>.HasValue));
            value = Expression.Property(value, nameof(Nullable<int>.Value));
        }
        else if (!value.Type.IsValueType)
        {
            hasValue = Expression.NotEqual(value, Expression.Constant(null, value.Type));
        }

        if (property.GetRelationalTypeMapping().Converter is { } converter)
        {
            var convert = converter.ConvertToProviderExpression;
            value = Expression.Invoke(convert, Expression.Convert(value, convert.Parameters[0].Type));
            if (Nullable.GetUnderlyingType(value.Type) is { } underlying)
            {
                value = Expression.Convert(value, underlying);   // a non-null model value converts to a value
            }
        }

        var bind = BindCall(insert, value, index)
            ?? throw new NotSupportedException(
                $"SqliteRowInsert cannot bind {property.DeclaringType.DisplayName()}.{property.Name} ({value.Type}); add a Bind method with Microsoft.Data.Sqlite's text form.");
        return hasValue is null ? bind : Expression.IfThenElse(hasValue, bind, bindNull);
    }

    private static MethodCallExpression? BindCall(ParameterExpression insert, Expression value, int index)
    {
        var type = value.Type.IsEnum ? Enum.GetUnderlyingType(value.Type) : value.Type;
        var (method, argument) = type switch
        {
            _ when type == typeof(string) => (nameof(SqliteRowInsert.BindText), value),
            _ when type == typeof(decimal) => (nameof(SqliteRowInsert.BindDecimal), value),
            _ when type == typeof(DateOnly) => (nameof(SqliteRowInsert.BindDate), value),
            _ when type == typeof(Guid) => (nameof(SqliteRowInsert.BindGuid), value),
            _ when type == typeof(bool) => (nameof(SqliteRowInsert.BindBoolean), value),
            _ when type == typeof(double) => (nameof(SqliteRowInsert.BindDouble), value),
            _ when type == typeof(float) => (nameof(SqliteRowInsert.BindDouble), Expression.Convert(value, typeof(double))),
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) =>
                (nameof(SqliteRowInsert.BindInt64), Expression.Convert(value, typeof(long))),
            _ => (null, value),
        };
        return method is null
            ? null
            : Expression.Call(insert, typeof(SqliteRowInsert).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!, Expression.Constant(index), argument);
    }
}
